#!/usr/bin/env python3
"""Runs a command (kubectl exec -it ... -- sh) in a real terminal, checks the remote shell sees the
terminal size, resizes the terminal and checks the remote shell sees the new size.

usage: tty-resize.py ROWS COLS NEW_ROWS NEW_COLS -- COMMAND...
Prints the transcript; exits 0 only if both sizes were seen and the command exited 0."""
import fcntl, os, pty, select, signal, struct, sys, termios, time

def set_size(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

def main():
    rows, cols, new_rows, new_cols = map(int, sys.argv[1:5])
    command = sys.argv[sys.argv.index("--") + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    set_size(fd, rows, cols)
    transcript = b""
    deadline = time.time() + 60

    def read_until(needle, until=None):
        nonlocal transcript
        while needle.encode() not in transcript:
            if until is not None and time.time() > until:
                return False
            if time.time() > deadline:
                raise TimeoutError("did not see %r in %r" % (needle, transcript))
            ready, _, _ = select.select([fd], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    raise EOFError("terminal closed before %r; transcript %r" % (needle, transcript))
                transcript += chunk
        return True

    try:
        read_until("# ")
        os.write(fd, b"stty size\r")
        read_until("%d %d" % (rows, cols))
        set_size(fd, new_rows, new_cols)
        os.kill(pid, signal.SIGWINCH)
        # The resize travels kubectl -> API server -> node; ask again until the shell sees it.
        while True:
            os.write(fd, b"stty size\r")
            if read_until("%d %d" % (new_rows, new_cols), until=time.time() + 1):
                break
        os.write(fd, b"exit\r")
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
    except (TimeoutError, EOFError) as e:
        print(e)
        os.kill(pid, signal.SIGKILL)
        code = 99
    sys.stdout.write(transcript.decode(errors="replace"))
    sys.exit(code)

main()
