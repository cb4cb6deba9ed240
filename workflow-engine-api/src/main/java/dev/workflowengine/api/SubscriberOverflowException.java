package dev.workflowengine.api;

/**
 * An event subscriber fell so far behind that its bounded buffer overflowed. The subscription ends;
 * {@link #lastDeliveredSequence()} says where to resubscribe to get the rest exactly once.
 */
public class SubscriberOverflowException extends WorkflowException {

  private static final long serialVersionUID = 1L;

  private final String executionId;
  private final long lastDeliveredSequence;

  /**
   * Creates the exception.
   *
   * @param executionId the execution whose events were subscribed to
   * @param lastDeliveredSequence the sequence of the last event the subscriber received, or 0
   * @param bufferSize the size of the buffer that overflowed
   */
  public SubscriberOverflowException(
      String executionId, long lastDeliveredSequence, int bufferSize) {
    super(
        "event subscriber of execution '"
            + executionId
            + "' fell more than "
            + bufferSize
            + " events behind; resubscribe after sequence "
            + lastDeliveredSequence
            + " to receive the rest, and consume events faster or on another thread");
    this.executionId = executionId;
    this.lastDeliveredSequence = lastDeliveredSequence;
  }

  /**
   * The execution whose events were subscribed to.
   *
   * @return the execution id
   */
  public String executionId() {
    return executionId;
  }

  /**
   * The sequence of the last event delivered before the overflow; resubscribe after it.
   *
   * @return the sequence, 0 when nothing was delivered
   */
  public long lastDeliveredSequence() {
    return lastDeliveredSequence;
  }
}
