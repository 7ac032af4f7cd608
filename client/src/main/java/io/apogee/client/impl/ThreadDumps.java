package io.apogee.client.impl;

import java.util.Map;

/** Text dump of every thread's stack, for GET_CONSUMER_RUNNING_INFO with jstackEnable. */
final class ThreadDumps {
    private ThreadDumps() {
    }

    static String all() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            sb.append("Thread: ").append(t.getName()).append(' ').append(t.getState()).append('\n');
            for (StackTraceElement frame : e.getValue()) {
                sb.append("    ").append(frame).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
