package org.factdesk.intake.fetch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which addresses the desk may connect to: public unicast ones, plus what the allow-list names. Everything a URL
 * could use to reach the desk's own network is refused: loopback, private (RFC 1918, unique-local IPv6), link-local
 * (including the cloud metadata address 169.254.169.254), shared CGNAT space, multicast, unspecified, reserved and
 * documentation blocks, and IPv6 forms that embed such an IPv4 address (mapped, NAT64, 6to4).
 */
final class AddressRules {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<String> hostNames = new ArrayList<>();
    private final List<String> domainSuffixes = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();

    private final boolean listedOnly;

    AddressRules(List<String> allowed) {
        this(allowed, false);
    }

    /** With {@code listedOnly}, public addresses are refused too unless the allow-list names them. */
    AddressRules(List<String> allowed, boolean listedOnly) {
        this.listedOnly = listedOnly;
        for (String entry : allowed) {
            String value = entry.strip().toLowerCase(Locale.ROOT);
            if (value.startsWith("*.")) {
                domainSuffixes.add(value.substring(1));
            } else if (value.contains("/") || IPV4_LITERAL.matcher(value).matches() || value.contains(":")) {
                blocks.add(Block.parse(value));
            } else {
                hostNames.add(value);
            }
        }
    }

    /** The host is on the allow-list by name. */
    boolean allowsName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return hostNames.contains(name) || domainSuffixes.stream().anyMatch(name::endsWith);
    }

    /** The address may be connected to: public (unless only listed ones may), or in an allowed block. */
    boolean allows(InetAddress address) {
        return (!listedOnly && isPublic(address)) || blocks.stream().anyMatch(block -> block.contains(address));
    }

    /** Whether an address outside the allow-list is refused for not being listed, not for being private. */
    boolean refusesUnlisted(InetAddress address) {
        return listedOnly && isPublic(address);
    }

    /**
     * Whether a host is an IPv4 address written in another form than four plain decimal numbers: octal with leading
     * zeros ({@code 0177.0.0.1}), hexadecimal ({@code 0x7f000001}), one or two numbers ({@code 2130706433},
     * {@code 127.1}). Browsers and curl read these as loopback or private addresses where Java reads them otherwise
     * (177.0.0.1) or not at all, so what the desk checks is not what a link points to: such hosts are refused. A host
     * whose last label is a number or {@code 0x...} is numeric, since no top-level domain is.
     */
    static boolean ambiguousNumber(String host) {
        if (host.indexOf(':') >= 0) {
            return false; // IPv6, checked by address
        }
        String[] labels = host.split("\\.", -1);
        String last = labels[labels.length - 1].toLowerCase(java.util.Locale.ROOT);
        boolean numeric = last.matches("\\d+|0x[0-9a-f]*");
        if (!numeric) {
            return false;
        }
        if (labels.length != 4) {
            return true;
        }
        for (String label : labels) {
            if (!label.matches("0|[1-9]\\d{0,2}") || Integer.parseInt(label) > 255) {
                return true;
            }
        }
        return false;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(bytes);
        }
        return isPublicV6(bytes);
    }

    private static boolean isPublicV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        return !(first == 0 // "this network"
                || first == 10
                || first == 127
                || (first == 100 && (second & 0xc0) == 64) // 100.64.0.0/10, shared address space (CGNAT)
                || (first == 169 && second == 254)
                || (first == 172 && (second & 0xf0) == 16)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && (third == 0 || third == 2)) // IETF protocol, TEST-NET-1
                || (first == 198 && (second & 0xfe) == 18) // benchmarking
                || (first == 198 && second == 51 && third == 100) // TEST-NET-2
                || (first == 203 && second == 0 && third == 113) // TEST-NET-3
                || first >= 224); // multicast, reserved, broadcast
    }

    private static boolean isPublicV6(byte[] b) {
        boolean zeroTo10 = true;
        for (int i = 0; i < 10; i++) {
            zeroTo10 &= b[i] == 0;
        }
        if (zeroTo10 && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
            // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible): judged as the IPv4 address they carry
            return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
            return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]}); // 64:ff9b::/96, NAT64
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return isPublicV4(new byte[] {b[2], b[3], b[4], b[5]}); // 2002::/16, 6to4
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return false; // fc00::/7, unique local (also AWS's metadata fd00:ec2::254)
        }
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == (byte) 0xb8) {
            return false; // 2001:db8::/32, documentation
        }
        return true;
    }

    /** An address block from the allow-list. */
    private record Block(byte[] network, int prefix) {

        static Block parse(String text) {
            String[] parts = text.split("/", 2);
            byte[] address = literal(parts[0]);
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : address.length * 8;
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("Bad prefix length in allowed host " + text);
            }
            return new Block(address, prefix);
        }

        private static byte[] literal(String text) {
            String value = text.strip();
            if (value.startsWith("[") && value.endsWith("]")) {
                value = value.substring(1, value.length() - 1);
            }
            if (!IPV4_LITERAL.matcher(value).matches() && !value.contains(":")) {
                throw new IllegalArgumentException("Not an IP address in allowed hosts: " + text);
            }
            try {
                return InetAddress.getByName(value).getAddress(); // a literal: no DNS lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Not an IP address in allowed hosts: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}
