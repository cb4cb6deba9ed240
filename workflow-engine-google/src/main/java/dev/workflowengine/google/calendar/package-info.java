/**
 * Google Calendar for one user: {@link dev.workflowengine.google.calendar.GoogleCalendar} lists
 * calendars and events, creates events and watches calendars for changes, returning the SDK's own
 * records; {@link dev.workflowengine.google.calendar.CalendarTools} offers it to agents as the
 * tools {@code google.calendar.list_events} and {@code google.calendar.create_event}.
 */
package dev.workflowengine.google.calendar;
