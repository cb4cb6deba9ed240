/**
 * Gmail for workflows and agents: {@link dev.workflowengine.google.gmail.GoogleGmail} lists, reads
 * and sends a user's mail and watches the mailbox; {@link
 * dev.workflowengine.google.gmail.OutgoingEmail} is a message to send, written as correct MIME
 * (UTF-8 subjects, attachments) without a mail library; {@link
 * dev.workflowengine.google.gmail.GmailTools} offers the mailbox to agents.
 *
 * <pre>{@code
 * GoogleGmail gmail = GoogleGmail.of(workspace, "u1");
 * MessagePage unread = gmail.listMessages(MessageQuery.of("is:unread"));
 * gmail.send(OutgoingEmail.builder().to("ada@example.com").subject("Hi").text("Hello").build());
 * }</pre>
 */
package dev.workflowengine.google.gmail;
