package jp.madoguchi.staff.operations;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * Whether the work done at start (the shipped rules, the demo's data) is finished. The server answers HTTP while that
 * work still runs, so until then it is not ready: a balancer would otherwise send a clerk to a server whose accounts
 * or rules are half there. Runs after every other listener of the start.
 */
@Singleton
public class StartupCompletion implements ApplicationEventListener<ServerStartupEvent>, Ordered {

    private volatile boolean complete;

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        complete = true;
    }

    public boolean complete() {
        return complete;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
