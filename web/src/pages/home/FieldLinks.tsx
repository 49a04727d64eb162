import type { Role } from '../../api/types.ts';
import { useI18n } from '../../i18n/context.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';

interface Link {
  href: string;
  label: MessageKey;
  testId: string;
}

function linksFor(role: Role): Link[] {
  const links: Link[] = [];
  if (role !== 'operator' && role !== 'leader')
    links.push({ href: '#/orders/new', label: 'home.report', testId: 'home-report' });
  if (role === 'crew') links.push({ href: '#/crew', label: 'nav.crew', testId: 'home-crew' });
  if (role === 'operator' || role === 'leader')
    links.push({ href: '#/map', label: 'nav.map', testId: 'home-map' });
  if (role !== 'resident') links.push({ href: '#/orders', label: 'nav.orders', testId: 'home-orders' });
  return links;
}

/** The big buttons at the top of a field home: report, my shift, the live map, all orders. */
export function FieldLinks({ role }: { role: Role }) {
  const { t } = useI18n();
  return (
    <nav className="home-links" aria-label={t('nav.home')}>
      {linksFor(role).map((l) => (
        <a key={l.testId} href={l.href} className="btn btn-primary home-link" data-testid={l.testId}>
          {t(l.label)}
        </a>
      ))}
    </nav>
  );
}
