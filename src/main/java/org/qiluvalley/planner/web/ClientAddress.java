package org.qiluvalley.planner.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The key under which a client's address is counted by the limits that count per client (uploads in flight, failed
 * sign-ins, inquiries). One client, one key, however its address is spelled:
 * <ul>
 * <li>IPv4 as dotted decimal ({@code 203.0.113.7}); an IPv4-mapped or IPv4-compatible IPv6 address
 * ({@code ::ffff:203.0.113.7}) is the same IPv4 client;</li>
 * <li>IPv6 by its /64 prefix ({@code 2001:db8:1:2::/64}): a single subscriber is routinely given a whole /64 and
 * can pick any of its 2^64 addresses, so counting each address would give one client unlimited allowances;</li>
 * <li>every loopback address ({@code 127.0.0.0/8}, {@code ::1}) is one client, {@code loopback}: the same machine
 * reaching the service over IPv4 or IPv6 is not two clients.</li>
 * </ul>
 * The address is the one the servlet container reports ({@code getRemoteAddr()}): behind a reverse proxy that is the
 * proxy, unless {@code server.forward-headers-strategy=native} lets the container take the client's address from
 * the proxy's {@code X-Forwarded-For}.
 */
public final class ClientAddress {

    /** A literal address only: no name is ever looked up (that would be a DNS query per request). */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}(%[A-Za-z0-9_.-]{1,32})?");
    /** The key of a client whose address cannot be read; such clients share one allowance. */
    static final String UNKNOWN = "unknown";

    private ClientAddress() {
    }

    /** The client's key; at most 45 characters. */
    public static String key(String remoteAddress) {
        if (remoteAddress == null || !LITERAL.matcher(remoteAddress).matches()) {
            return UNKNOWN;
        }
        String literal = remoteAddress;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        InetAddress address;
        try {
            // A literal (checked above) is parsed, never resolved.
            address = InetAddress.getByName(literal);
        } catch (UnknownHostException | SecurityException e) {
            return UNKNOWN;
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && isIpv4Compatible(bytes)) {
            return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
        }
        StringBuilder prefix = new StringBuilder(24);
        for (int group = 0; group < 4; group++) {
            int value = ((bytes[2 * group] & 0xff) << 8) | (bytes[2 * group + 1] & 0xff);
            prefix.append(Integer.toHexString(value)).append(':');
        }
        return prefix.append(":/64").toString();
    }

    /** ::ffff:a.b.c.d (IPv4-mapped; Java usually parses it to IPv4 already) and ::a.b.c.d (IPv4-compatible). */
    private static boolean isIpv4Compatible(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        boolean mapped = (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        boolean compatible = bytes[10] == 0 && bytes[11] == 0 && !(bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0);
        return mapped || compatible;
    }
}
