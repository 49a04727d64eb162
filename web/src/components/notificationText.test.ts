import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Notification, notifiedOrderId } from '../api/notifications.ts';
import { type Language, translate } from '../i18n/translate.ts';
import { notificationText } from './notificationText.ts';

const entry = (kind: string, data: Notification['data'] = {}): Notification => ({
  id: 'n1',
  kind,
  orderId: 'o-dup',
  orderCode: 'C0401202603020002',
  message: `server says ${kind}`,
  data,
  createdAt: '2026-03-02T01:30:00.000Z',
  readAt: null,
});
const text = (n: Notification, lang: Language = 'zh-CN') =>
  notificationText(n, (key, params) => translate(lang, key, params));

describe('notification text', () => {
  it('words a new report and a reopened order in both languages', () => {
    assert.equal(
      text(entry('reported', { status: 'reported', deadline: null })),
      '新上报工单 C0401202603020002，请立案、不予立案或上报上级',
    );
    assert.equal(text(entry('reopened', { deadline: null })), '工单 C0401202603020002 已重办，请重新派遣');
    assert.equal(text(entry('reopened'), 'en'), 'Order C0401202603020002 was reopened: dispatch it again');
  });

  it('names the surviving order of a merge and opens it', () => {
    const merged = entry('merged', {
      status: 'merged',
      deadline: null,
      intoOrderId: 'o-kept',
      intoOrderCode: 'E0504202603020001',
    });
    assert.equal(text(merged), '工单 C0401202603020002 已合并到工单 E0504202603020001，请关注该工单');
    assert.equal(
      text(merged, 'en'),
      'Order C0401202603020002 was merged into order E0504202603020001: follow that one from now on',
    );
    assert.equal(notifiedOrderId(merged), 'o-kept');
    // Without the surviving order's code the server's own line is clearer than a blank.
    assert.equal(text(entry('merged')), 'server says merged');
    assert.equal(notifiedOrderId(entry('merged')), 'o-dup');
  });

  it('words whose turn it is, decisions and answers by their outcome, and a notice by its title', () => {
    assert.equal(text(entry('awaitingVerification')), '工单 C0401202603020002 已反馈，请核查');
    assert.equal(text(entry('closed'), 'en'), 'Your report C0401202603020002 was closed: please rate it');
    assert.equal(
      text(entry('extensionDecided', { approved: false })),
      '工单 C0401202603020002 的延期申请被驳回，请按期办结',
    );
    assert.equal(
      text(entry('parkDecided', { approved: true }), 'en'),
      'Your request to park order C0401202603020002 was approved: its time limit is paused',
    );
    assert.equal(
      text(entry('consultAnswered', { agree: true })),
      '工单 C0401202603020002 的征询已答复：同意',
    );
    const notice: Notification = {
      ...entry('notice', { noticeId: 'n1', title: '停水通知' }),
      orderId: null,
      orderCode: null,
    };
    assert.equal(text(notice), '公告：停水通知');
    assert.equal(text(notice, 'en'), 'Notice: 停水通知');
    assert.equal(notifiedOrderId(notice), null);
  });

  it('adds the deadline in Shanghai time, opens the order itself, and shows unknown kinds as the server words them', () => {
    const dispatched = entry('dispatched', { deadline: '2026-03-05T09:30:00.000Z' });
    assert.equal(text(dispatched), '工单 C0401202603020002 已派遣至本单位，请签收，期限 2026-03-05 17:30:00');
    assert.equal(notifiedOrderId(dispatched), 'o-dup');
    assert.equal(text(entry('somethingNew')), 'server says somethingNew');
  });
});
