package dev.vk.emulator.ecs.shell;

import java.util.List;
import java.util.function.IntConsumer;

/** Runs a script's commands one after the other, honouring {@code &&} and {@code ||}. */
final class ScriptRun {
  private final Shell shell;
  private final List<ShellWords.Step> steps;
  private final IntConsumer done;
  private final IntConsumer exit;
  private int index;
  private int status;

  ScriptRun(Shell shell, List<ShellWords.Step> steps, IntConsumer done, IntConsumer exit) {
    this.shell = shell;
    this.steps = steps;
    this.done = done;
    this.exit = exit;
    this.status = shell.lastStatus();
  }

  void next() {
    while (index < steps.size()) {
      ShellWords.Step step = steps.get(index++);
      boolean skip =
          ("&&".equals(step.operator()) && status != 0)
              || ("||".equals(step.operator()) && status == 0);
      if (!skip) {
        List<String> argv = ShellWords.words(step.text(), shell::variable);
        shell.run(argv, this::after, exit);
        return;
      }
    }
    done.accept(status);
  }

  private void after(int commandStatus) {
    status = commandStatus;
    next();
  }
}
