package io.apogee.namesrv;

import io.apogee.namesrv.route.RouteInfoManager;
import io.apogee.remoting.ChannelEventListener;
import io.netty.channel.Channel;

/** A broker whose connection closes, fails or idles out is removed from the routes immediately. */
final class BrokerHousekeeping implements ChannelEventListener {
    private final RouteInfoManager routes;

    BrokerHousekeeping(RouteInfoManager routes) {
        this.routes = routes;
    }

    @Override
    public void onChannelClose(String remoteAddr, Channel channel) {
        routes.onChannelDestroy(channel);
    }

    @Override
    public void onChannelException(String remoteAddr, Channel channel) {
        routes.onChannelDestroy(channel);
    }

    @Override
    public void onChannelIdle(String remoteAddr, Channel channel) {
        routes.onChannelDestroy(channel);
    }
}
