import type {
  ActionBody,
  ActionType,
  Order,
  Satisfaction,
  SubTask,
  SubTaskInput,
  TimeLimit,
} from '../../api/orders.ts';

/** What the user fills in for an action; each action uses some of it (see ACTION_FORMS). */
export interface ActionValues {
  note: string;
  reason: string;
  photos: string[];
  /** The lead unit of a dispatch ('' leaves it to the category's default), or the unit of a new sub-task. */
  unitId: string;
  /** What a new sub-task's unit is asked to do. */
  task: string;
  /** Collaborating units named with a dispatch. */
  subTasks: SubTaskInput[];
  /** The sub-task acted on; '' is the order itself. */
  subTaskId: string;
  intoOrderId: string;
  passed: boolean;
  satisfaction: Satisfaction;
  solved: boolean;
  amount: string;
  amountUnit: TimeLimit['unit'];
  /** A datetime-local value (Shanghai wall clock): when a wait ends, when answers are needed. */
  until: string;
  dueAt: string;
  /** The units asked in a consultation (征询). */
  unitIds: string[];
  question: string;
  agree: boolean;
  /** The boats sent (事中): with a dispatch, or the whole new list of assignAssets. */
  assetIds: string[];
}

export const EMPTY_VALUES: ActionValues = {
  note: '',
  reason: '',
  photos: [],
  unitId: '',
  task: '',
  subTasks: [],
  subTaskId: '',
  intoOrderId: '',
  passed: true,
  satisfaction: 'satisfied',
  solved: true,
  amount: '8',
  amountUnit: 'hours',
  until: '',
  dueAt: '',
  unitIds: [],
  question: '',
  agree: true,
  assetIds: [],
};

/** Which sub-tasks an action may pick from. */
export type SubTaskChoice = 'mineToSign' | 'mineToFeedback' | 'open' | 'pendingExtension' | 'mineToExtend';

/** The form an action opens: the fields it shows besides the note, which the API requires. */
export interface ActionForm {
  reason?: true;
  photos?: 'required' | 'optional';
  /** Dispatch: a lead unit and optional collaborating units. */
  dispatch?: true;
  /** Add a sub-task: one unit and its task. */
  newSubTask?: true;
  subTask?: SubTaskChoice;
  mergeInto?: true;
  verify?: true;
  returnVisit?: true;
  extension?: true;
  /** The note is the point of the action (a comment): required. */
  noteRequired?: true;
  /** Park request: until when the wait on someone outside should last. */
  until?: true;
  /** Consultation: the units asked, the question and when answers are needed. */
  consult?: true;
  /** Answer to a consultation: agree or not. */
  agree?: true;
  /** Boats of the unit the order goes to: 'list' is the whole new list (assignAssets), 'optional' adds them to a dispatch. */
  assets?: 'list' | 'optional';
}

/** Every action's form, after the payloads of src/services/orders.payload.ts and the domain's checks. */
export const ACTION_FORMS: Readonly<Record<ActionType, ActionForm>> = {
  register: {},
  reject: { reason: true },
  void: { reason: true },
  escalate: {},
  selfHandle: { photos: 'required' },
  merge: { mergeInto: true },
  dispatch: { dispatch: true, assets: 'optional' },
  sign: {},
  return: { reason: true },
  startHandling: {},
  assignAssets: { assets: 'list' },
  feedback: { photos: 'required' },
  verify: { verify: true, photos: 'optional' },
  close: {},
  returnVisit: { returnVisit: true },
  reopen: { reason: true },
  requestExtension: { extension: true, subTask: 'mineToExtend', reason: true },
  approveExtension: { subTask: 'pendingExtension' },
  denyExtension: { subTask: 'pendingExtension', reason: true },
  supervise: {},
  park: { reason: true },
  resume: {},
  addSubTask: { newSubTask: true },
  signSubTask: { subTask: 'mineToSign' },
  feedbackSubTask: { subTask: 'mineToFeedback', photos: 'optional' },
  closeSubTask: { subTask: 'open', reason: true },
  requestPark: { reason: true, until: true },
  approvePark: {},
  denyPark: { reason: true },
  consult: { consult: true },
  consultReply: { agree: true },
  comment: { noteRequired: true, photos: 'optional' },
};

/** Actions on the main line of the flow, shown as primary buttons. */
export const PRIMARY_ACTIONS: ReadonlySet<ActionType> = new Set([
  'register',
  'dispatch',
  'sign',
  'startHandling',
  'feedback',
  'verify',
  'close',
  'returnVisit',
]);

/** A target an action may pick: a sub-task, or the order itself (subTask null). */
export interface SubTaskOption {
  value: string;
  subTask: SubTask | null;
}

/** The sub-tasks (and whether the order itself) an action of this kind may act on, for the user's unit. */
export function subTaskOptions(order: Order, choice: SubTaskChoice, myUnitId: string): SubTaskOption[] {
  const mine = (s: SubTask) => s.unitId === myUnitId;
  const option = (s: SubTask): SubTaskOption => ({ value: s.id, subTask: s });
  switch (choice) {
    case 'mineToSign':
      return order.subTasks.filter((s) => mine(s) && s.status === 'dispatched').map(option);
    case 'mineToFeedback':
      return order.subTasks.filter((s) => mine(s) && s.status === 'signed').map(option);
    case 'open':
      return order.subTasks.filter((s) => s.status === 'dispatched' || s.status === 'signed').map(option);
    case 'pendingExtension':
      return order.extensionRequests.map((r) => ({
        value: r.subTaskId ?? '',
        subTask: order.subTasks.find((s) => s.id === r.subTaskId) ?? null,
      }));
    case 'mineToExtend': {
      const own: SubTaskOption[] = order.responsibleUnitId === myUnitId ? [{ value: '', subTask: null }] : [];
      const open = order.subTasks.filter(
        (s) => mine(s) && (s.status === 'dispatched' || s.status === 'signed'),
      );
      return [...own, ...open.map(option)];
    }
  }
}

const trimmed = (text: string) => text.trim();

/** A datetime-local value, read as Shanghai wall-clock time (the console's zone), as an ISO instant; '' for none. */
export function shanghaiInstant(local: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return '';
  const ms = Date.parse(`${local}:00+08:00`);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
}

/** The request body for an action from what the form holds, with the version the user saw. */
export function actionBody(action: ActionType, values: ActionValues, version: number): ActionBody {
  const form = ACTION_FORMS[action];
  const body: ActionBody = { version };
  const note = trimmed(values.note);
  if (note) body.note = note;
  if (form.photos && values.photos.length > 0) body.photos = values.photos;
  if (form.reason) body.reason = trimmed(values.reason);
  if (form.dispatch) {
    if (values.unitId) body.unitId = values.unitId;
    const subTasks = values.subTasks
      .filter((s) => s.unitId !== '')
      .map((s) => (s.task?.trim() ? { unitId: s.unitId, task: s.task.trim() } : { unitId: s.unitId }));
    if (subTasks.length > 0) body.subTasks = subTasks;
  }
  if (form.newSubTask) {
    body.subTask = { unitId: values.unitId, ...(trimmed(values.task) && { task: trimmed(values.task) }) };
  }
  if (form.subTask && values.subTaskId) body.subTaskId = values.subTaskId;
  if (form.mergeInto) body.intoOrderId = values.intoOrderId;
  if (form.verify) body.passed = values.passed;
  if (form.returnVisit) {
    body.satisfaction = values.satisfaction;
    body.solved = values.solved;
  }
  if (form.extension) body.extension = { amount: Number(values.amount), unit: values.amountUnit };
  if (form.until) body.until = shanghaiInstant(values.until);
  if (form.consult) {
    body.unitIds = values.unitIds.filter((id) => id !== '');
    body.question = trimmed(values.question);
    body.dueAt = shanghaiInstant(values.dueAt);
  }
  if (form.agree) body.agree = values.agree;
  if (form.assets === 'list' || (form.assets === 'optional' && values.assetIds.length > 0))
    body.assetIds = values.assetIds;
  return body;
}

/** Whether the form holds what the action cannot go without (the server checks again). */
export function isComplete(action: ActionType, values: ActionValues): boolean {
  const form = ACTION_FORMS[action];
  if (form.reason && trimmed(values.reason) === '') return false;
  if (form.photos === 'required' && values.photos.length === 0) return false;
  if (form.newSubTask && values.unitId === '') return false;
  if (form.mergeInto && values.intoOrderId === '') return false;
  if (form.subTask === 'open' && values.subTaskId === '') return false;
  if (form.verify && !values.passed && trimmed(values.note) === '') return false;
  if (form.extension && !(Number(values.amount) > 0)) return false;
  if (form.noteRequired && trimmed(values.note) === '') return false;
  if (form.until && shanghaiInstant(values.until) === '') return false;
  if (form.consult) {
    if (values.unitIds.every((id) => id === '') || trimmed(values.question) === '') return false;
    if (shanghaiInstant(values.dueAt) === '') return false;
  }
  if (form.agree && !values.agree && trimmed(values.note) === '') return false;
  return true;
}
