import type { ReactNode } from 'react';

export interface GuardedButtonProps {
  /** Why the user may not press it (shown as its tooltip); null when they may. */
  why: string | null;
  /** The id of the visible text that explains a refusal, read out with the button. */
  describedBy?: string;
  testId: string;
  className?: string;
  onClick(): void;
  children: ReactNode;
}

/**
 * A button that stays on screen when the user may not use it: disabled, with the reason as its
 * tooltip and tied to the visible explanation, so nobody is left guessing where a feature went.
 */
export function GuardedButton({
  why,
  describedBy,
  testId,
  className,
  onClick,
  children,
}: GuardedButtonProps) {
  return (
    <button
      type="button"
      className={className ?? 'btn btn-small'}
      data-testid={testId}
      disabled={why !== null}
      title={why ?? undefined}
      aria-describedby={why !== null ? describedBy : undefined}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
