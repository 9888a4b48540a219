#!/usr/bin/perl
# protocolgen serve: the local preview.  It builds, serves out/ on 127.0.0.1,
# rebuilds what an edit makes stale, tells open pages to reload, shows a
# failed build's messages in the page, and refuses requests that try to leave
# out/ or are too large.  Waits are bounded polls, never timed assertions.
use strict;
use warnings;
use File::Temp qw(tempdir);
use File::Basename qw(dirname);
use Cwd qw(abs_path);
use IO::Socket::INET;
use HTTP::Tiny;
use POSIX ":sys_wait_h";

my $top = abs_path(dirname(abs_path($0)) . "/../..");
my $pg = $ENV{PROTOCOLGEN} || "$top/bin/protocolgen";
$ENV{SOURCE_DATE_EPOCH} //= 1763683200;
my $tmp = tempdir("protocolgen-serve.XXXXXX", TMPDIR => 1, CLEANUP => 1);
my $n = 0;
my $failed = 0;
sub ok {
	my ($ok, $name, $diag) = @_;
	$n++;
	print(($ok ? "ok" : "not ok") . " $n - $name\n");
	print STDERR "#   $diag\n" if !$ok && defined $diag;
	$failed++ unless $ok;
}
sub slurp { local $/; open(my $f, "<", $_[0]) or return ""; my $s = <$f>; return $s; }
sub spew { open(my $f, ">", $_[0]) or die "$_[0]: $!"; print $f $_[1]; close($f); }

system("cp", "-r", "$top/schools", "$top/clauses", $tmp) == 0 or die;
chdir($tmp) or die;
my $pid = fork();
die "fork: $!" unless defined $pid;
if ($pid == 0) {
	open(STDOUT, ">", "$tmp/serve.out");
	open(STDERR, ">", "$tmp/serve.err");
	exec($pg, "serve", "--port", "0") or exit(127);
}
END { my $rc = $?; if ($pid) { kill("TERM", $pid); waitpid($pid, 0); } $? = $rc; }

sub wait_for {	# poll until the condition holds (at most $secs)
	my ($secs, $cond) = @_;
	for (my $t = 0; $t < $secs * 10; $t++) {
		return 1 if $cond->();
		select(undef, undef, undef, 0.1);
	}
	return 0;
}
my $port;
ok(wait_for(180, sub { ($port) = slurp("$tmp/serve.out") =~ m{http://127\.0\.0\.1:(\d+)/}; $port }),
    "serve builds and says where it listens", slurp("$tmp/serve.err"));
$port //= 0;
my $http = HTTP::Tiny->new(timeout => 30);
my $base = "http://127.0.0.1:$port";

my $r = $http->get("$base/");
ok($r->{status} == 200, "the index is served");
ok($r->{content} =~ /EventSource\('\/_protocolgen\/events/, "... with the reload script");
ok(slurp("out/index.html") !~ /<script/i, "... which is not in the file on disk");
$r = $http->get("$base/concept/de-sterren/protocol.html");
ok($r->{status} == 200, "a draft is served from the preview (/concept/)");
$r = $http->get("$base/quadraam/protocol.pdf");
ok($r->{status} == 200 && $r->{headers}{'content-type'} eq "application/pdf",
    "a PDF is served as application/pdf");
$r = $http->get("$base/quadraam/protocol.odt");
ok($r->{status} == 200 && $r->{headers}{'content-type'} eq
    "application/vnd.oasis.opendocument.text",
    "an OpenDocument text is served as application/vnd.oasis.opendocument.text");

# requests that try to leave out/, or are too big, or not reads
sub raw {	# the status of a request sent as given
	my ($req) = @_;
	my $s = IO::Socket::INET->new(PeerAddr => "127.0.0.1", PeerPort => $port,
	    Timeout => 30) or return 0;
	print $s $req;
	my $line = <$s> // "";
	close($s);
	return $line =~ m{^HTTP/1\.\d (\d+)} ? $1 : 0;
}
ok(raw("GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") == 403,
    "a path with .. is refused");
ok(raw("GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") == 403,
    "... also percent-encoded");
symlink("/etc/passwd", "out/leak.html");
ok(raw("GET /leak.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") == 404,
    "a link planted in out/ that leads out is not followed");
ok(raw("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n") == 405,
    "a POST is refused");
my $big = raw("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " . ("a" x 100000) . "\r\nConnection: close\r\n\r\n");
ok($big >= 400 || $big == 0, "a huge header is refused", "status $big");
my $s = IO::Socket::INET->new(PeerAddr => "127.0.0.1", PeerPort => $port);
ok(defined $s, "the server still answers after them");
close($s) if $s;

# an edit: the stale school is rebuilt, open pages are told to reload
my $gen = 0;
($gen) = $http->get("$base/")->{content} =~ /var g=(\d+)/;
my $ev = IO::Socket::INET->new(PeerAddr => "127.0.0.1", PeerPort => $port, Timeout => 120);
print $ev "GET /_protocolgen/events?since=$gen HTTP/1.1\r\nHost: x\r\n\r\n";
my $cfg = "schools/lauwers-en-eems/de-sterren.lua";
my $text = slurp($cfg);
(my $edited = $text) =~ s/name = "n\.b\.s\. de Sterren"/name = "n.b.s. de Sterren-Proef"/ or die;
spew("$cfg.tmp", $edited);
rename("$cfg.tmp", $cfg);	# as editors save
ok(wait_for(120, sub { $http->get("$base/concept/de-sterren/protocol.html")->{content} =~ /de Sterren-Proef/ }),
    "an edit to a school's config shows in its page");
my $got = "";
while (defined(my $l = <$ev>)) { $got .= $l; last if $got =~ /data: reload/; }
ok($got =~ /data: reload/, "... and open pages are told to reload");
ok(slurp("$tmp/serve.out") =~ /built: changed schools/, "... only the stale school was rebuilt");

# a bad edit: the page shows the messages, with file and line; fixed, gone
(my $bad = $text) =~ s/name = "n\.b\.s\. de Sterren",/name = 42,/ or die;
spew("$cfg.tmp", $bad);
rename("$cfg.tmp", $cfg);
ok(wait_for(120, sub { $http->get("$base/concept/de-sterren/protocol.html")->{content} =~ /protocolgen-errors/ }),
    "a failed build shows in the page");
ok($http->get("$base/")->{content} =~ m{schools/lauwers-en-eems/de-sterren\.lua:\d+: error:},
    "... with file:line");
spew("$cfg.tmp", $text);
rename("$cfg.tmp", $cfg);
ok(wait_for(120, sub { $http->get("$base/")->{content} !~ /protocolgen-errors/ }),
    "... and is gone after the next good build");

# only this machine
my $addr = (grep { !/^127\./ } map { /inet (\d+\.\d+\.\d+\.\d+)/ ? $1 : () } `ip -4 addr 2>/dev/null`)[0];
if (defined $addr) {
	my $out = IO::Socket::INET->new(PeerAddr => $addr, PeerPort => $port, Timeout => 5);
	ok(!defined $out, "not reachable on $addr, only on 127.0.0.1");
} else {
	ok(1, "# skip no other address to try");
}
print "1..$n\n";
exit($failed ? 1 : 0);
