/** Key tasks (重点工作清单): tasks, progress notes, supervision letters, the push day and its reminders. This index is the feature's one entry. */
export { addTaskNote, superviseTask } from './notes.ts';
export { sendPushDayReminders } from './reminders.ts';
export { getTaskSettings, putTaskSettings } from './settings.ts';
export { createTask, getTaskDetail, getTaskOrThrow, listVisibleTasks, patchTask } from './tasks.ts';
export { latestPercents, taskNoteView, taskView } from './views.ts';
