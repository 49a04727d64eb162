import { useEffect } from 'react';
import { sendOutbox } from './sendOutbox.ts';

/** Renders nothing: sends the user's outbox at start, whenever the phone comes back online, and every 30 s. */
export function OutboxSender({ userId }: { userId: string }) {
  useEffect(() => {
    const send = () => {
      if (navigator.onLine) void sendOutbox(userId);
    };
    send();
    window.addEventListener('online', send);
    const timer = setInterval(send, 30_000);
    return () => {
      window.removeEventListener('online', send);
      clearInterval(timer);
    };
  }, [userId]);
  return null;
}
