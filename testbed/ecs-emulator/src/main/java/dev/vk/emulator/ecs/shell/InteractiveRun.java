package dev.vk.emulator.ecs.shell;

import java.util.function.IntConsumer;

/** An interactive {@code sh}: prompt, read a line, run it, repeat until exit or end of input. */
final class InteractiveRun implements Shell.Reader {
  private static final String PROMPT = "# ";
  private final Shell shell;
  private final IntConsumer done;
  private boolean over;

  InteractiveRun(Shell shell, IntConsumer done) {
    this.shell = shell;
    this.done = done;
  }

  void prompt() {
    if (over) {
      return;
    }
    shell.out(PROMPT);
    // Ctrl-C at the prompt abandons the line, as a real shell does.
    shell.onInterrupt(
        () -> {
          shell.cancelRead();
          shell.out("\n");
          prompt();
        });
    shell.read(this);
  }

  @Override
  public void line(String line) {
    shell.onInterrupt(null);
    shell.runScript(
        line,
        status -> {
          if (status == 130) {
            shell.out("\n"); // the interrupted command left the cursor after "^C"
          }
          prompt();
        },
        this::exit);
  }

  @Override
  public void end() {
    shell.onInterrupt(null);
    exit(shell.lastStatus());
  }

  private void exit(int status) {
    if (!over) {
      over = true;
      done.accept(status);
    }
  }
}
