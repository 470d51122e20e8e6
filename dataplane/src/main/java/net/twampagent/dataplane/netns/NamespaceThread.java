package net.twampagent.dataplane.netns;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The one platform thread of a routing instance: it enters the instance's namespace once and from then on runs
 * the tasks that create sockets there. It is a platform thread on purpose: {@code setns} moves the OS thread, and
 * a virtual thread would move whichever carrier it happens to run on. It is started from a root-namespace thread
 * and starts no thread itself, because a thread inherits the namespace of the thread that starts it.
 */
final class NamespaceThread {
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final Runnable STOP = () -> { };

    private final String instance;
    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Thread thread;
    private boolean closed;

    private NamespaceThread(String instance, int namespaceFd, NamespaceIdentity expected, int rootFd,
            CompletableFuture<Void> entered) {
        this.instance = instance;
        this.thread = Thread.ofPlatform()
                .name("netns-" + instance)
                .daemon(true)
                .unstarted(() -> run(namespaceFd, expected, rootFd, entered));
    }

    /**
     * Starts the thread and returns once it is inside the namespace. The thread takes over {@code namespaceFd}
     * and closes it after entering; {@code rootFd} stays the caller's.
     */
    static NamespaceThread enter(String instance, String namespaceFile, int namespaceFd, NamespaceIdentity expected,
            int rootFd) throws IOException {
        CompletableFuture<Void> entered = new CompletableFuture<>();
        NamespaceThread namespaceThread = new NamespaceThread(instance, namespaceFd, expected, rootFd, entered);
        namespaceThread.thread.start();
        try {
            entered.join();
        } catch (CompletionException e) {
            String reason = e.getCause().getMessage();
            if (e.getCause() instanceof ErrnoException errno && errno.errno() == ErrnoException.EPERM) {
                reason += "; entering a namespace needs CAP_SYS_ADMIN";
            }
            throw new IOException("routing instance " + instance + ": cannot enter network namespace "
                    + namespaceFile + ": " + reason, e.getCause());
        }
        return namespaceThread;
    }

    private void run(int namespaceFd, NamespaceIdentity expected, int rootFd, CompletableFuture<Void> entered) {
        try {
            try {
                NamespaceSyscalls.enterNetworkNamespace(namespaceFd);
            } finally {
                NamespaceSyscalls.close(namespaceFd);
            }
            NamespaceIdentity now = NamespaceIdentity.ofCurrentThread();
            if (!now.equals(expected)) {
                throw new IOException("the thread is in namespace inode " + now.inode()
                        + " instead of " + expected.inode());
            }
        } catch (Throwable e) {
            // Whatever went wrong, the opener waiting on this future must hear of it rather than wait forever.
            entered.completeExceptionally(e);
            return;
        }
        entered.complete(null);
        try {
            runTasks();
        } finally {
            leave(rootFd);
        }
    }

    private void runTasks() {
        while (true) {
            Runnable task;
            try {
                task = tasks.take();
            } catch (InterruptedException e) {
                // Only close() may end this thread: queued tasks have callers waiting for them.
                continue;
            }
            if (task == STOP) {
                return;
            }
            task.run();
        }
    }

    /**
     * Returns to the agent's namespace before ending, so the thread's reference to the instance's namespace is
     * dropped now rather than whenever the OS finishes the thread, and nothing the JVM does on its way out lands
     * inside.
     */
    private static void leave(int rootFd) {
        try {
            NamespaceSyscalls.enterNetworkNamespace(rootFd);
        } catch (ErrnoException e) {
            // The thread ends either way; the namespace is then released by the kernel with it.
        }
    }

    /** Queues a task; the future fails if the thread is already released. */
    synchronized <T> CompletableFuture<T> submit(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new IOException("routing instance " + instance
                    + ": released, it creates no more sockets"));
            return result;
        }
        tasks.add(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    boolean isCurrentThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs the tasks already queued, then ends the thread and waits (bounded) for it to be gone. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            tasks.add(STOP);
        }
        if (isCurrentThread()) {
            return;
        }
        boolean interrupted = false;
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (thread.isAlive() && System.nanoTime() < deadline) {
            try {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
