import { useMessages } from "@/web/shared/i18n";

/** "Waiting list: 3 waiting", linking to the event's waiting list (the dashboard and the event's page show it). */
export function WaitlistLink(props: { eventId: string; waiting: number }) {
  const w = useMessages().waitlistAdmin;
  return (
    <p class="admin-waitlist-link">
      <a href={`/admin/events/${props.eventId}/waitlist`}>{w.link({ waiting: props.waiting })}</a>
    </p>
  );
}
