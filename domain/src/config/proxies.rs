//! `JOXAI_TRUSTED_PROXIES`: the networks of the bank's own proxies, as CIDRs or addresses.

use std::net::IpAddr;

/// One network: an address and how many leading bits count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    addr: IpAddr,
    bits: u8,
}

impl Cidr {
    /// `10.0.0.0/8`, `2001:db8::/32`, or a single address.
    pub fn parse(text: &str) -> Option<Cidr> {
        let (addr, bits) = match text.trim().split_once('/') {
            Some((addr, bits)) => (addr.parse::<IpAddr>().ok()?, Some(bits.parse::<u8>().ok()?)),
            None => (text.trim().parse::<IpAddr>().ok()?, None),
        };
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let bits = bits.unwrap_or(max);
        (bits <= max).then_some(Cidr { addr, bits })
    }

    /// Whether `ip` lies in this network (IPv4-mapped IPv6 addresses count as IPv4).
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        };
        match (self.addr, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = if self.bits == 0 { 0 } else { u32::MAX << (32 - u32::from(self.bits)) };
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = if self.bits == 0 { 0 } else { u128::MAX << (128 - u32::from(self.bits)) };
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

/// A comma-separated list of networks; `None` names the first bad entry.
pub fn parse_list(text: &str) -> Result<Vec<Cidr>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| Cidr::parse(t).ok_or_else(|| format!("'{t}' is not an address or a CIDR like 10.0.0.0/8")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn networks_contain_their_addresses() {
        let list = parse_list("10.0.0.0/8, 192.168.1.7, 2001:db8::/32").unwrap();
        let inside = |ip: &str| list.iter().any(|c| c.contains(ip.parse().unwrap()));
        assert!(inside("10.200.3.4") && inside("192.168.1.7") && inside("2001:db8:ffff::1"));
        assert!(inside("::ffff:10.1.2.3"), "IPv4-mapped");
        assert!(!inside("11.0.0.1") && !inside("192.168.1.8") && !inside("2001:db9::1"));
        assert!(parse_list("10.0.0.0/33").is_err() && parse_list("proxy.internal").is_err());
    }
}
