/**
 * Push notifications from Google, verified and turned into workflow starts or listener calls:
 * Calendar channel notifications (no signature, so the channel id must be known, its token must
 * match and message numbers must increase) and Gmail notifications that Cloud Pub/Sub pushes.
 *
 * <p>{@link dev.workflowengine.google.push.GooglePushHandler} is the one entry point; an HTTP layer
 * passes it a request's headers (Calendar) or body (Gmail). {@link
 * dev.workflowengine.google.push.CalendarChannels} and {@link
 * dev.workflowengine.google.push.GmailMailboxes} hold what the host registered when it created a
 * watch.
 */
package dev.workflowengine.google.push;
