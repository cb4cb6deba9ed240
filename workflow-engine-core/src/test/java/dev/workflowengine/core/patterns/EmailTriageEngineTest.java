package dev.workflowengine.core.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.engine.ExecutionHandle;
import dev.workflowengine.core.engine.WorkflowEngine;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** EmailTriage on the durable engine: the wait is stored, and the answer continues it. */
class EmailTriageEngineTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final WorkflowEngine engine = WorkflowEngine.builder().workers(1).build();
  private final EmailTriageTest.RuleModel model = new EmailTriageTest.RuleModel();
  private final EmailTriageTest.Outbox outbox = new EmailTriageTest.Outbox();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void aComplaintWaitsInTheEngineAndIsSentOnceApproved() {
    engine.register(EmailTriage.builder().model(model).sendTool(outbox).build());
    ExecutionHandle handle =
        engine.start(StartRequest.of(EmailTriage.DEFAULT_ID, EmailTriageTest.COMPLAINT).user("u1"));

    assertThat(handle.await(PATIENCE).status()).isEqualTo(ExecutionStatus.WAITING);
    assertThat(outbox.sent).isEmpty();

    engine.resume(handle.executionId(), "u1", Map.of("approved", true));
    ExecutionRecord done = handle.await(PATIENCE);

    assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(done.output()).containsEntry("outcome", "sent");
    assertThat(outbox.sent)
        .containsExactly(
            Map.of(
                "to",
                "ada@example.com",
                "subject",
                "Re: My order arrived broken",
                "body",
                EmailTriageTest.DRAFT));
  }

  @Test
  void aNewsletterCompletesInTheEngineWithoutWaiting() {
    engine.register(EmailTriage.builder().model(model).sendTool(outbox).build());

    ExecutionRecord done =
        engine
            .start(StartRequest.of(EmailTriage.DEFAULT_ID, EmailTriageTest.NEWSLETTER).user("u1"))
            .await(PATIENCE);

    assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(done.output())
        .containsEntry("outcome", "no_reply_needed")
        .containsKey("analysis")
        .doesNotContainKey("draft");
  }
}
