package dev.lookout.core.guard.pii.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpAddressDetectorTest {
  private final IpAddressDetector detector = new IpAddressDetector();

  @Test
  void findsIpv4() {
    assertThat(Spans.of(detector, "blocked from 172.61.42.192.")).containsExactly("172.61.42.192");
  }

  @Test
  void skipsVersionNumber() {
    assertThat(Spans.of(detector, "update to version 1.2.3.4 of the app")).isEmpty();
  }

  @Test
  void skipsPrefixedVersion() {
    assertThat(Spans.of(detector, "released v10.0.2.1 today")).isEmpty();
  }

  @Test
  void findsAddressAfterServer() {
    assertThat(Spans.of(detector, "the server 10.0.0.7 is down")).containsExactly("10.0.0.7");
  }

  @Test
  void findsFullIpv6() {
    String address = "6e40:4041:c617:e898:c11:40d2:c669:2eb4";
    assertThat(Spans.of(detector, "from " + address + " today")).containsExactly(address);
  }

  @Test
  void findsCompressedIpv6() {
    assertThat(Spans.of(detector, "host 2001:db8::8a2e:370:7334"))
        .containsExactly("2001:db8::8a2e:370:7334");
  }

  @Test
  void findsIpv6WithIpv4Tail() {
    assertThat(Spans.of(detector, "::ffff:192.0.2.128")).containsExactly("::ffff:192.0.2.128");
  }

  @Test
  void findsLoopbackIpv6() {
    assertThat(Spans.of(detector, "Blocked host ::1 after failures")).containsExactly("::1");
  }

  @Test
  void skipsBareDoubleColon() {
    assertThat(Spans.of(detector, "a :: b")).isEmpty();
  }

  @Test
  void skipsPinnedVersion() {
    assertThat(Spans.of(detector, "pip install foo==2.31.0.1 fixed it")).isEmpty();
  }

  @Test
  void skipsPinnedVersionOfNameWithTo() {
    assertThat(Spans.of(detector, "pin protobuf==3.20.1.0 for now")).isEmpty();
  }

  @Test
  void findsAddressComparedToCamelCaseField() {
    assertThat(Spans.of(detector, "remoteAddr == 10.20.30.40")).containsExactly("10.20.30.40");
  }

  @Test
  void findsAddressComparedToUpperCaseField() {
    assertThat(Spans.of(detector, "IPAddress>=10.20.30.40")).containsExactly("10.20.30.40");
  }

  @Test
  void findsAddressComparedToSnakeCaseField() {
    assertThat(Spans.of(detector, "where dest_host != 10.20.30.40")).containsExactly("10.20.30.40");
  }

  @Test
  void findsAddressComparedToNodeField() {
    assertThat(Spans.of(detector, "node==10.20.30.40")).containsExactly("10.20.30.40");
  }

  @Test
  void findsAddressComparedToLowerCaseIpAddress() {
    assertThat(Spans.of(detector, "ipaddress==10.20.30.40")).containsExactly("10.20.30.40");
  }

  @Test
  void skipsPhoneAfterCountryCode() {
    assertThat(Spans.of(detector, "Call +32 2.123.45.67 today")).isEmpty();
  }

  @Test
  void findsAddressComparedToFieldEndingInIp() {
    assertThat(Spans.of(detector, "realip == 10.20.30.40")).containsExactly("10.20.30.40");
  }

  @Test
  void findsAddressComparedToSubscript() {
    assertThat(Spans.of(detector, "row['ip'] == 10.20.30.40")).containsExactly("10.20.30.40");
  }

  @Test
  void skipsUpperBoundOfVersionRange() {
    assertThat(Spans.of(detector, "jax>=0.12.0.1,<0.13.0.0")).isEmpty();
  }

  @Test
  void skipsStrictVersionBound() {
    assertThat(Spans.of(detector, "jax>0.12.0.1")).isEmpty();
  }

  @Test
  void skipsSectionNumber() {
    assertThat(Spans.of(detector, "See section 3.2.1.4 of the spec.")).isEmpty();
  }

  @Test
  void skipsSectionSign() {
    assertThat(Spans.of(detector, "under § 3.2.1.4")).isEmpty();
  }

  @Test
  void skipsPreReleaseVersion() {
    assertThat(Spans.of(detector, "ships 2.1.0.4-beta soon")).isEmpty();
  }

  @Test
  void skipsArchiveVersion() {
    assertThat(Spans.of(detector, "artifact agent-11.16.39.197.tar.gz built")).isEmpty();
  }

  @Test
  void findsAddressBeforeFileName() {
    assertThat(Spans.of(detector, "scp 10.0.0.7:backup.tar.gz .")).containsExactly("10.0.0.7");
  }

  @Test
  void skipsFirmwareColumn() {
    assertThat(Spans.of(detector, "device,mac,firmware\nphone-2,81:1f:49:a9:32:ba,2.1.29.114"))
        .isEmpty();
  }

  @Test
  void skipsOidColumn() {
    assertThat(Spans.of(detector, "| OID | Name |\n|---|---|\n| 2.5.4.11 | ifInOctets |"))
        .isEmpty();
  }

  @Test
  void findsAddressInHostColumn() {
    assertThat(Spans.of(detector, "host,ip,port\nweb-1,10.0.0.7,443")).containsExactly("10.0.0.7");
  }

  @Test
  void skipsRangeNetwork() {
    assertThat(Spans.of(detector, "-A INPUT -s 203.0.113.64/26 -j DROP")).isEmpty();
  }

  @Test
  void findsInterfaceAddressWithPrefix() {
    assertThat(Spans.of(detector, "inet 10.0.0.5/24 brd 10.0.0.255"))
        .containsExactly("10.0.0.5", "10.0.0.255");
  }

  @Test
  void skipsV6RangeNetwork() {
    assertThat(Spans.of(detector, "ip6tables -A INPUT -s 2001:db8::/32 -j ACCEPT")).isEmpty();
  }

  @Test
  void skipsVersionAfterBump() {
    assertThat(Spans.of(detector, "chore: bump to 4.18.0.194 (build 76959)")).isEmpty();
  }

  @Test
  void skipsSdkVersion() {
    assertThat(Spans.of(detector, "{\"sdk\":\"6.9.23.188\"}")).isEmpty();
  }

  @Test
  void findsAddressWithPort() {
    assertThat(Spans.of(detector, "connect to 10.0.0.1:8080")).containsExactly("10.0.0.1");
  }

  @Test
  void findsAddressInUrl() {
    assertThat(Spans.of(detector, "http://192.168.1.10/admin")).containsExactly("192.168.1.10");
  }

  @Test
  void findsAddressAfterEquals() {
    assertThat(Spans.of(detector, "host=192.168.1.10")).containsExactly("192.168.1.10");
  }

  @Test
  void rejectsOctetAbove255() {
    assertThat(Spans.of(detector, "999.1.1.1")).isEmpty();
  }

  @Test
  void rejectsVersionString() {
    assertThat(Spans.of(detector, "version 1.2.3.4.5")).isEmpty();
  }

  @Test
  void rejectsClockTime() {
    assertThat(Spans.of(detector, "at 10:20:30")).isEmpty();
  }

  @Test
  void rejectsDoubleCompression() {
    assertThat(IpAddressDetector.validV6("1::2::3")).isFalse();
  }

  @Test
  void rejectsLongGroup() {
    assertThat(IpAddressDetector.validV6("12345:0:0:0:0:0:0:1")).isFalse();
  }

  @Test
  void findsAddressAfterVerboseFlag() {
    assertThat(Spans.of(detector, "ssh -v 192.168.230.221")).containsExactly("192.168.230.221");
  }

  @Test
  void findsAddressInFilterComparison() {
    assertThat(Spans.of(detector, "ip.src==172.28.37.172 && tcp.port==443"))
        .containsExactly("172.28.37.172");
  }

  @Test
  void findsAddressBeforeHostSuffix() {
    assertThat(Spans.of(detector, "conn from 192.168.125.206-devbox refused"))
        .containsExactly("192.168.125.206");
  }

  @Test
  void skipsDefaultRouteAndMask() {
    assertThat(Spans.of(detector, "ip route 0.0.0.0 0.0.0.0 10.0.0.1")).containsExactly("10.0.0.1");
  }

  @Test
  void skipsNetmask() {
    assertThat(Spans.of(detector, "netmask 255.255.255.0")).isEmpty();
  }

  @Test
  void findsAddressInMaskRange() {
    assertThat(Spans.of(detector, "host 255.255.255.1")).containsExactly("255.255.255.1");
  }

  @Test
  void skipsVersionsAfterPluralWord() {
    assertThat(Spans.of(detector, "affects versions 9.5.4.55 and later")).isEmpty();
  }

  @Test
  void findsAddressAfterChatNick() {
    assertThat(Spans.of(detector, "[14:43] <sarah> 172.16.102.25:3306, started"))
        .containsExactly("172.16.102.25");
  }

  @Test
  void skipsVersionAfterGreaterThan() {
    assertThat(Spans.of(detector, "requests>1.2.3.4")).isEmpty();
  }

  @Test
  void findsAddressAfterInterfaceName() {
    String text = "Deny tcp src outside:64.89.245.5/2679 dst inside:192.168.5.43/443";
    assertThat(Spans.of(detector, text)).containsExactly("64.89.245.5", "192.168.5.43");
  }

  @Test
  void skipsImageTag() {
    assertThat(Spans.of(detector, "image: registry.local/api:5.7.9.84")).isEmpty();
  }

  @Test
  void skipsQuadAfterHexGroup() {
    assertThat(Spans.of(detector, "cafe:10.1.2.3")).isEmpty();
  }
}
