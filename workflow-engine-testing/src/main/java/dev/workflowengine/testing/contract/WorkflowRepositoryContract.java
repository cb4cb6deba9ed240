package dev.workflowengine.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.workflowengine.api.VersionConflictException;
import dev.workflowengine.api.definition.EdgeDefinition;
import dev.workflowengine.api.definition.NodeDefinition;
import dev.workflowengine.api.definition.NodeTypes;
import dev.workflowengine.api.definition.WorkflowDefinition;
import dev.workflowengine.api.spi.StoredWorkflow;
import dev.workflowengine.api.spi.WorkflowRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves that a {@link WorkflowRepository} honours its contract: versions are stored exactly and
 * never replaced, of two writers of one version exactly one wins, the latest version is the
 * highest, and listing pages through an owner's workflows in id order. Extend it in your
 * implementation's tests:
 *
 * <pre>{@code
 * class JdbcWorkflowRepositoryTest extends WorkflowRepositoryContract {
 *   @Override
 *   protected WorkflowRepository create() {
 *     return new JdbcWorkflowRepository(emptyDatabase());
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #create()} runs before every test. Definitions must come back {@code equals} to what
 * was stored, which {@link WorkflowDefinition}'s JSON form guarantees.
 */
public abstract class WorkflowRepositoryContract {

  private WorkflowRepository repository;

  /** For subclasses. */
  protected WorkflowRepositoryContract() {}

  /**
   * Creates the repository under test; called before every test.
   *
   * @return a new, empty repository
   */
  protected abstract WorkflowRepository create();

  @BeforeEach
  void createRepository() {
    repository = create();
  }

  /** A stored version is found as it was stored. */
  @Test
  void storedVersionIsFoundUnchanged() {
    StoredWorkflow stored = stored(Fixtures.id("wf"), 1, Fixtures.id("owner"));

    repository.insert(stored);

    assertThat(repository.find(stored.workflowId(), 1)).contains(stored);
    assertThat(repository.latest(stored.workflowId())).contains(stored);
  }

  /** The latest version is the highest one, whatever the order of insertion. */
  @Test
  void latestIsTheHighestVersion() {
    String id = Fixtures.id("wf");
    String owner = Fixtures.id("owner");
    repository.insert(stored(id, 1, owner));
    repository.insert(stored(id, 3, owner));
    repository.insert(stored(id, 2, owner));

    assertThat(repository.latest(id)).hasValueSatisfying(w -> assertThat(w.version()).isEqualTo(3));
    assertThat(repository.find(id, 2))
        .hasValueSatisfying(w -> assertThat(w.version()).isEqualTo(2));
    assertThat(repository.find(id, 4)).isEmpty();
  }

  /** Nothing is found for a workflow that was never stored. */
  @Test
  void unknownWorkflowIsEmpty() {
    String id = Fixtures.id("wf");

    assertThat(repository.latest(id)).isEmpty();
    assertThat(repository.find(id, 1)).isEmpty();
    assertThat(repository.list(Fixtures.id("owner"), 0, 10)).isEmpty();
    assertThat(repository.delete(id)).isZero();
  }

  /** Storing a version that exists fails and leaves the stored one as it was. */
  @Test
  void insertingAnExistingVersionConflicts() {
    String id = Fixtures.id("wf");
    StoredWorkflow first = stored(id, 1, Fixtures.id("owner"));
    repository.insert(first);
    StoredWorkflow second =
        new StoredWorkflow(
            first.definition().toBuilder().description("changed").build(),
            first.ownerId(),
            Fixtures.now());

    assertThatThrownBy(() -> repository.insert(second))
        .isInstanceOf(VersionConflictException.class);

    assertThat(repository.find(id, 1)).contains(first);
  }

  /** Of many writers storing the same next version at once, exactly one wins. */
  @Test
  void concurrentInsertsOfOneVersionHaveExactlyOneWinner() throws InterruptedException {
    String id = Fixtures.id("wf");
    String owner = Fixtures.id("owner");
    repository.insert(stored(id, 1, owner));
    int writers = 8;

    List<Object> outcomes =
        Race.run(
            writers,
            Duration.ofSeconds(30),
            i ->
                () -> {
                  repository.insert(
                      new StoredWorkflow(
                          definition(id, 2).toBuilder().description("writer " + i).build(),
                          owner,
                          Fixtures.now()));
                  return "writer " + i;
                });

    assertThat(outcomes).filteredOn(String.class::isInstance).hasSize(1);
    assertThat(outcomes)
        .filteredOn(VersionConflictException.class::isInstance)
        .hasSize(writers - 1);
    String winner = (String) outcomes.stream().filter(String.class::isInstance).findFirst().get();
    assertThat(repository.latest(id))
        .hasValueSatisfying(w -> assertThat(w.definition().description()).isEqualTo(winner));
  }

  /** An owner's list holds the latest version of each of their workflows, in id order. */
  @Test
  void listHoldsTheLatestVersionOfEachOwnedWorkflowInIdOrder() {
    String prefix = Fixtures.id("wf");
    String owner = Fixtures.id("owner");
    repository.insert(stored(prefix + "-c", 1, owner));
    repository.insert(stored(prefix + "-a", 1, owner));
    repository.insert(stored(prefix + "-a", 2, owner));
    repository.insert(stored(prefix + "-b", 1, Fixtures.id("someone-else")));
    repository.insert(stored(prefix + "-d", 1, owner));

    List<StoredWorkflow> listed = repository.list(owner, 0, 10);

    assertThat(listed)
        .extracting(StoredWorkflow::workflowId, StoredWorkflow::version)
        .containsExactly(tuple(prefix + "-a", 2), tuple(prefix + "-c", 1), tuple(prefix + "-d", 1));
    assertThat(listed).allSatisfy(w -> assertThat(w.ownerId()).isEqualTo(owner));
  }

  /** Offset and limit page through the list without gaps or repeats. */
  @Test
  void listPagesWithOffsetAndLimit() {
    String prefix = Fixtures.id("wf");
    String owner = Fixtures.id("owner");
    for (int i = 0; i < 7; i++) {
      repository.insert(stored(prefix + "-" + i, 1, owner));
    }

    assertThat(repository.list(owner, 0, 3))
        .extracting(StoredWorkflow::workflowId)
        .containsExactly(prefix + "-0", prefix + "-1", prefix + "-2");
    assertThat(repository.list(owner, 3, 3))
        .extracting(StoredWorkflow::workflowId)
        .containsExactly(prefix + "-3", prefix + "-4", prefix + "-5");
    assertThat(repository.list(owner, 6, 3))
        .extracting(StoredWorkflow::workflowId)
        .containsExactly(prefix + "-6");
    assertThat(repository.list(owner, 7, 3)).isEmpty();
  }

  /** Delete removes every version, counts them, and leaves other workflows alone. */
  @Test
  void deleteRemovesEveryVersion() {
    String id = Fixtures.id("wf");
    String other = Fixtures.id("wf");
    String owner = Fixtures.id("owner");
    repository.insert(stored(id, 1, owner));
    repository.insert(stored(id, 2, owner));
    repository.insert(stored(other, 1, owner));

    assertThat(repository.delete(id)).isEqualTo(2);

    assertThat(repository.latest(id)).isEmpty();
    assertThat(repository.find(id, 1)).isEmpty();
    assertThat(repository.list(owner, 0, 10))
        .extracting(StoredWorkflow::workflowId)
        .containsExactly(other);
    assertThat(repository.delete(id)).isZero();
    repository.insert(stored(id, 1, owner)); // the id is free again
    assertThat(repository.latest(id)).hasValueSatisfying(w -> assertThat(w.version()).isEqualTo(1));
  }

  private static StoredWorkflow stored(String id, int version, String owner) {
    return new StoredWorkflow(definition(id, version), owner, Fixtures.now());
  }

  private static WorkflowDefinition definition(String id, int version) {
    return WorkflowDefinition.builder(id)
        .version(version)
        .description("version " + version)
        .startNode("greet")
        .node(
            NodeDefinition.of(
                "greet", NodeTypes.TRANSFORM, Map.of("set", Map.of("greeting", "hi"))))
        .edge("greet", EdgeDefinition.END)
        .metadata("team", "contracts")
        .build();
  }
}
