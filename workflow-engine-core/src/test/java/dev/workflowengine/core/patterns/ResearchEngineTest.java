package dev.workflowengine.core.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowengine.api.execution.ExecutionRecord;
import dev.workflowengine.api.execution.ExecutionStatus;
import dev.workflowengine.api.execution.StartRequest;
import dev.workflowengine.core.WorkflowState;
import dev.workflowengine.core.engine.WorkflowEngine;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Research on the durable engine: findings and sources survive the checkpoints between steps. */
class ResearchEngineTest {

  private final WorkflowEngine engine = WorkflowEngine.builder().workers(1).build();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void runsToAReportWhoseSourcesCameThroughEveryCheckpoint() {
    ResearchTest.Search search = new ResearchTest.Search();
    engine.register(
        Research.builder()
            .model(new ResearchTest.RuleModel(ResearchTest.QUESTIONS))
            .tools(search, ResearchTest.FETCH)
            .build());

    ExecutionRecord done =
        engine
            .start(StartRequest.of(Research.DEFAULT_ID, Map.of("topic", "Heat pumps")).user("u1"))
            .await(Duration.ofSeconds(20));

    assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
    WorkflowState output = WorkflowState.of(done.output());
    assertThat(output.getList("sources", Research.Source.class))
        .extracting(Research.Source::number)
        .containsExactly(1, 2, 3, 4);
    assertThat(output.getList("findings", Object.class)).hasSize(3);
    assertThat(output.getString("report"))
        .startsWith("Heat pumps work in the cold [1] [2] [3] [4].")
        .contains("\n\nSources\n[1] fetch");
    assertThat(search.queries).containsExactlyElementsOf(ResearchTest.QUESTIONS);
  }
}
