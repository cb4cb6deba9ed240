package dev.workflowengine.benchmarks;

import dev.workflowengine.api.spi.Checkpoint;
import dev.workflowengine.api.spi.CheckpointStore;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Passes everything to another store and counts what it was asked to append: entries, snapshots,
 * and the sum of {@link Checkpoint#size()} (the length of each entry's JSON text).
 */
final class CountingCheckpointStore implements CheckpointStore {

  private final CheckpointStore delegate;
  private final LongAdder entries = new LongAdder();
  private final LongAdder snapshots = new LongAdder();
  private final LongAdder size = new LongAdder();

  CountingCheckpointStore(CheckpointStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public void append(Checkpoint checkpoint) {
    delegate.append(checkpoint);
    entries.increment();
    if (checkpoint.kind() == Checkpoint.Kind.SNAPSHOT) {
      snapshots.increment();
    }
    size.add(checkpoint.size());
  }

  @Override
  public List<Checkpoint> load(String executionId) {
    return delegate.load(executionId);
  }

  @Override
  public void delete(String executionId) {
    delegate.delete(executionId);
  }

  long entries() {
    return entries.sum();
  }

  long snapshots() {
    return snapshots.sum();
  }

  long size() {
    return size.sum();
  }

  void reset() {
    entries.reset();
    snapshots.reset();
    size.reset();
  }
}
