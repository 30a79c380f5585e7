import type { FastifyPluginAsync } from 'fastify';
import { committeeIdParamsSchema } from '../../../contracts/committees.ts';
import { eventIdParamsSchema } from '../../../contracts/events.ts';
import { eventsApi } from '../../../contracts/events-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth, currentScope } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { notFound } from '../../core/http/errors.ts';
import { viewerOf } from '../../core/http/viewer.ts';
import { committeeDetail } from '../committees/service.ts';
import {
  calendarFeed,
  feedOwner,
  personCalendarEvents,
  renewCalendarFeed,
} from './calendar-feed.ts';
import { calendar } from './ics.ts';
import { messageAttendees } from './organiser-messages.ts';
import { eventsMap } from './map.ts';
import { answeredBy, tellAboutEvent } from './notify.ts';
import { answerEvent, readCancelToken, withdrawAnswer } from './rsvp.ts';
import {
  attendees,
  cancelEvent,
  committeeCalendarEvents,
  createEvent,
  eventDetail,
  listEvents,
  myEvents,
  updateEvent,
} from './service.ts';
import { richTextToPlain } from '../../core/rich-text.ts';
import { campaignName } from '../settings/service.ts';

export const eventsRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, eventsApi.createForCommittee, async (request) => {
      const auth = currentAuth(request);
      const id = await createEvent(ctx, currentScope(request).id, auth.personId, request.body);
      return eventDetail(ctx, id, viewerOf(request));
    });

    serve(app, eventsApi.create, async (request) => {
      const id = await createEvent(ctx, null, currentAuth(request).personId, request.body);
      return eventDetail(ctx, id, viewerOf(request));
    });

    serve(app, eventsApi.list, (request) => listEvents(ctx, request.query));

    serve(app, eventsApi.map, (request) => eventsMap(ctx, request.query));

    serve(app, eventsApi.mine, (request) => myEvents(ctx, currentAuth(request).personId));

    serve(app, eventsApi.calendarFeed, (request) =>
      calendarFeed(ctx, currentAuth(request).personId),
    );

    serve(app, eventsApi.renewCalendarFeed, (request) =>
      renewCalendarFeed(ctx, currentAuth(request).personId),
    );

    serve(app, eventsApi.detail, (request) =>
      eventDetail(ctx, request.params.eventId, viewerOf(request), request.query.key),
    );

    serve(app, eventsApi.update, async (request) => {
      const { id } = currentScope(request);
      await updateEvent(ctx, id, request.body);
      await tellAboutEvent(ctx, id, await answeredBy(ctx, id), 'changed');
      return eventDetail(ctx, id, viewerOf(request));
    });

    serve(app, eventsApi.cancel, async (request) => {
      const { id } = currentScope(request);
      const told = await answeredBy(ctx, id);
      await cancelEvent(ctx, id);
      await tellAboutEvent(ctx, id, told, 'cancelled');
      return eventDetail(ctx, id, viewerOf(request));
    });

    serve(app, eventsApi.answer, async (request) => {
      const { eventId } = request.params;
      const personId = currentAuth(request).personId;
      // Seen first: an event one may not see cannot be answered either.
      await eventDetail(ctx, eventId, viewerOf(request));
      const answer = await answerEvent(ctx, eventId, personId, request.body.guests, 'member');
      await tellAboutEvent(
        ctx,
        eventId,
        [personId],
        answer.status === 'going' ? 'going' : 'waitlist',
      );
      return { eventId, ...answer };
    });

    serve(app, eventsApi.withdraw, async (request) => {
      const { eventId } = request.params;
      const promoted = await withdrawAnswer(ctx, eventId, currentAuth(request).personId);
      await tellAboutEvent(ctx, eventId, promoted, 'promoted');
      return { ok: true as const };
    });

    serve(app, eventsApi.cancelByLink, async (request) => {
      const { eventId, personId } = readCancelToken(ctx, request.body.token);
      const promoted = await withdrawAnswer(ctx, eventId, personId);
      await tellAboutEvent(ctx, eventId, promoted, 'promoted');
      const event = await eventDetail(ctx, eventId, { personId, permissions: [] });
      return { eventId, title: event.title };
    });

    serve(app, eventsApi.attendees, (request) => attendees(ctx, currentScope(request).id));

    serve(app, eventsApi.message, (request) =>
      messageAttendees(ctx, currentScope(request).id, currentAuth(request).personId, request.body),
    );

    // Calendars: files a calendar client fetches on its own (no session, no API envelope).
    app.get('/events/:eventId/calendar.ics', async (request, reply) => {
      const parsed = eventIdParamsSchema.safeParse(request.params);
      if (!parsed.success) throw notFound('event');
      const { eventId } = parsed.data;
      const event = await eventDetail(ctx, eventId, null);
      const body = calendar(
        [{ event, description: richTextToPlain(event.descriptionHtml) }],
        ctx.config.publicUrl,
        event.title,
      );
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="event-${eventId}.ics"`)
        .send(body);
    });

    // A person's own feed: its secret address is the only key (a new one revokes it).
    app.get<{ Params: { token: string } }>(
      '/events/calendar/:token.ics',
      async (request, reply) => {
        const personId = await feedOwner(ctx, request.params.token);
        if (personId === null) throw notFound('calendar');
        const body = calendar(
          await personCalendarEvents(ctx, personId),
          ctx.config.publicUrl,
          await campaignName(ctx.database, ctx.campaignId),
        );
        return reply
          .type('text/calendar; charset=utf-8')
          .header('cache-control', 'private, no-store')
          .send(body);
      },
    );

    app.get('/committees/:committeeId/calendar.ics', async (request, reply) => {
      const parsed = committeeIdParamsSchema.safeParse(request.params);
      if (!parsed.success) throw notFound('committee');
      const { committeeId } = parsed.data;
      const committee = await committeeDetail(ctx, committeeId, null);
      const body = calendar(
        await committeeCalendarEvents(ctx, committeeId),
        ctx.config.publicUrl,
        committee.name,
      );
      return reply.type('text/calendar; charset=utf-8').send(body);
    });
  };
