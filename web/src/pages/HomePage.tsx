import { useCallback, useState } from 'react';
import { useI18n } from '../i18n/context.tsx';
import { useSignedIn } from '../session/context.tsx';
import { FieldLinks } from './home/FieldLinks.tsx';
import { NoticeForm } from './home/NoticeForm.tsx';
import { NoticeList } from './home/NoticeList.tsx';
import { OutboxList } from './home/OutboxList.tsx';
import { GridOrders, MyReports, MyTasks, ProblemList, ToVerify } from './home/sections.tsx';
import { TodayNumbers } from './home/TodayNumbers.tsx';

/** 首页: what a field role does first, composed per role from small sections over the existing APIs. */
export function HomePage() {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const [noticesPosted, setNoticesPosted] = useState(0);
  const posted = useCallback(() => setNoticesPosted((n) => n + 1), []);
  const role = user.role;
  return (
    <div className="page home-page" data-testid="home" data-role={role}>
      <h1 className="home-hello">{t('home.hello', { name: user.displayName })}</h1>
      <FieldLinks role={role} />
      <OutboxList />
      {role === 'resident' && (
        <>
          <MyReports />
          <NoticeList />
        </>
      )}
      {role === 'gridWorker' && (
        <>
          <ToVerify />
          <GridOrders />
        </>
      )}
      {(role === 'community' || role === 'workstation') && (
        <>
          <ProblemList />
          <NoticeForm onPosted={posted} />
          <NoticeList reloadKey={noticesPosted} />
        </>
      )}
      {(role === 'department' || role === 'crew') && <MyTasks />}
      {(role === 'operator' || role === 'leader') && <TodayNumbers />}
    </div>
  );
}
