package dev.carriers.schema.lifecycle;

/** How a recorded schema-change attempt ended. */
public enum AuditOutcome {
  /** Still running, or the process died before recording the end. */
  RUNNING,
  /** Finished without error. */
  SUCCEEDED,
  /** Refused before changing anything. */
  REFUSED,
  /** Failed; see the error. */
  FAILED
}
