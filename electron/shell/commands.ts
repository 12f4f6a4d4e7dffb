import type { ShellCommand } from '../../shared/shell.js';

const MAX_QUEUED = 50;

/**
 * Commands for the page (menu actions, folders to import) wait here until the page has
 * said it listens: a folder given on the command line arrives before React has mounted,
 * and a reload drops listeners. Only then are they sent, in order.
 */
export class CommandQueue {
  private readonly queue: ShellCommand[] = [];
  private listening = false;

  /** `send` returns false when there is no window to send to. */
  constructor(private readonly send: (command: ShellCommand) => boolean) {}

  post(command: ShellCommand): void {
    if (this.listening && this.send(command)) return;
    if (this.queue.length >= MAX_QUEUED) this.queue.shift();
    this.queue.push(command);
  }

  /** The page subscribed (shell:ready). */
  pageListening(): void {
    this.listening = true;
    while (this.queue.length > 0) {
      if (!this.send(this.queue[0]!)) return;
      this.queue.shift();
    }
  }

  /** The page is (re)loading or gone: hold commands until it listens again. */
  pageGone(): void {
    this.listening = false;
  }

  pending(): readonly ShellCommand[] {
    return this.queue;
  }
}
