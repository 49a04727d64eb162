import { request } from './client.ts';
import type { Session, User } from './types.ts';

/** Logs in; the server sets the HttpOnly session cookie the console uses from then on. */
export function login(username: string, password: string): Promise<{ user: User; expiresAt: string }> {
  return request('/api/session', { method: 'POST', body: { username, password } });
}

/** Ends this session. */
export function logout(): Promise<void> {
  return request('/api/session', { method: 'DELETE' });
}

/** The signed-in user with their unit; 401 when no session. */
export function fetchMe(): Promise<Session> {
  return request('/api/me');
}
