package dev.vk.node.ha;

/** Whether the node may write now (to the API server or the cloud). Never blocks. */
@FunctionalInterface
public interface WriteGate {
  /** A gate that is always open: a node without leader election. */
  WriteGate ALWAYS = () -> true;

  boolean open();
}
