import { request } from './client.ts';
import type { List, Role, User } from './types.ts';

/** People in the caller's scope. */
export async function fetchUsers(signal?: AbortSignal): Promise<User[]> {
  return (await request<List<User>>('/api/users', { signal })).items;
}

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  unitId: string;
  phone?: string;
}

export function createUser(input: NewUser): Promise<User> {
  return request('/api/users', { method: 'POST', body: input });
}

/** What an admin may change: reset the password, (de)activate, unlock. */
export interface UserPatch {
  password?: string;
  active?: boolean;
  unlock?: boolean;
}

export function patchUser(id: string, patch: UserPatch): Promise<User> {
  return request(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch });
}
