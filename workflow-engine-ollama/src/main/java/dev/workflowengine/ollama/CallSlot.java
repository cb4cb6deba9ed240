package dev.workflowengine.ollama;

/**
 * The cancellation point of one logical call: whichever HTTP attempt or retry wait is running when
 * {@link #cancel(String)} comes from another thread is stopped at once. An attempt that starts
 * after the cancellation is cancelled as soon as it registers.
 */
final class CallSlot {

  private volatile String cancelReason;
  private volatile okhttp3.Call call;
  private volatile dev.failsafe.Call<?> execution;

  void attach(okhttp3.Call attempt) {
    call = attempt;
    if (cancelReason != null) {
      attempt.cancel();
    }
  }

  void attach(dev.failsafe.Call<?> retries) {
    execution = retries;
    if (cancelReason != null) {
      retries.cancel(true);
    }
  }

  /**
   * Cancels: closes the connection of the running attempt and interrupts a retry wait.
   *
   * @param reason why, for the exception the caller sees
   */
  void cancel(String reason) {
    if (cancelReason != null) {
      return;
    }
    cancelReason = reason;
    okhttp3.Call attempt = call;
    if (attempt != null) {
      attempt.cancel();
    }
    dev.failsafe.Call<?> retries = execution;
    if (retries != null) {
      retries.cancel(true);
    }
  }

  boolean isCancelled() {
    return cancelReason != null;
  }

  String cancelReason() {
    return cancelReason;
  }
}
