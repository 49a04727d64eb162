import type { NewNotice, NoticePageView, NoticeView } from '../../../src/api/notices.ts';
import { request } from './client.ts';

/** A notice to residents (社区公告) as the API sends it. */
export type Notice = NoticeView;

/** The notices the caller may see, newest first: a resident those for their grid or community, valid now. */
export function fetchNotices(limit = 10, signal?: AbortSignal): Promise<NoticePageView> {
  return request('/api/notices', { query: { limit }, signal });
}

/** Posts a notice to the residents of grids or communities in the author's scope. */
export function postNotice(body: NewNotice): Promise<Notice> {
  return request('/api/notices', { method: 'POST', body });
}
