#!/usr/bin/perl
# The bad-input corpus: each tests/bad/NAME.case overlays files on a fixture
# project, runs protocolgen, and states the exact stderr and exit status.
# After any run: no temporary files, no truncated outputs.
#
# Case format (lines):
#   # a comment saying what the case shows
#   base: basic                 fixture under tests/fixtures (default basic)
#   run: build --out out        arguments (default "build --out out")
#   exit: 1
#   --- file PATH               the following lines are the file's text
#   --- bytes PATH              the same, with \xNN escapes and no final newline
#   --- large PATH SIZE         PATH filled with SIZE bytes of a Lua comment
#   --- remove PATH
#   --- before ARGS             run protocolgen ARGS first (must succeed)
#   --- perl PATH EXPR          apply a Perl expression to $_, PATH's text
#   --- copy FROM TO            copy a file within the project
#   --- mkdir PATH              an (empty) folder
#   --- symlink PATH TARGET     a symbolic link PATH leading to TARGET
#   --- fifo PATH               a FIFO (protocolgen must never block on it)
#   --- stderr                  the following lines are the expected stderr
# In PATH (and TARGET) \xNN stands for a byte: a newline, a non-ASCII name.
# A run taking over 60 s is killed and fails "no crash".
# PROTOCOLGEN_BLESS=1 rewrites the stderr sections with what the run printed.
use strict;
use warnings;
use File::Temp qw(tempdir);
use File::Path qw(make_path remove_tree);
use File::Find;
use File::Basename qw(dirname basename);
use Cwd qw(abs_path);
use POSIX ();

my $top = abs_path(dirname(abs_path($0)) . "/../..");
my $pg = $ENV{PROTOCOLGEN} || "$top/bin/protocolgen";
my $bless = $ENV{PROTOCOLGEN_BLESS};
$ENV{SOURCE_DATE_EPOCH} //= 1763683200;
my $tmp = tempdir("protocolgen-bad.XXXXXX", TMPDIR => 1, CLEANUP => 1);
my $n = 0;
my $failed = 0;

sub result {
	my ($ok, $name, @diag) = @_;
	$n++;
	print(($ok ? "ok" : "not ok") . " $n - $name\n");
	unless ($ok) {
		$failed++;
		print STDERR map { "#   $_\n" } map { split /\n/ } @diag;
	}
}

# The messages are the golden ones, but for one thing that is not ours to
# fix: hunspell limits its n-gram suggestion search by CPU time (clock()),
# so on a slow run (valgrind) a "did you mean" list can end early.  A
# spelling line matches when its list is a prefix of the golden one (none
# at all included); every other byte must be the same.
sub same_messages {
	my ($got, $want) = @_;
	return 1 if $got eq $want;
	my @g = split /\n/, $got, -1;
	my @w = split /\n/, $want, -1;
	return 0 unless @g == @w;
	my $re = qr/^(.*is not in the Dutch dictionary)(?: \(did you mean (.*?)\?\))?(: correct it.*)$/;
	for my $i (0 .. $#g) {
		next if $g[$i] eq $w[$i];
		my @gm = $g[$i] =~ $re or return 0;
		my @wm = $w[$i] =~ $re or return 0;
		return 0 unless $gm[0] eq $wm[0] && $gm[2] eq $wm[2];
		my ($gl, $wl) = ($gm[1] // '', $wm[1] // '');
		return 0 unless $gl eq '' || index("$wl, ", "$gl, ") == 0;
	}
	return 1;
}

sub slurp { local $/; open(my $f, '<', $_[0]) or return undef; binmode $f; my $s = <$f>; close $f; $s }
sub spew {
	my ($path, $text) = @_;
	make_path(dirname($path));
	open(my $f, '>', $path) or die "$path: $!";
	binmode $f;
	print $f $text;
	close $f;
}

sub parse_case {
	my ($path) = @_;
	my %c = (base => 'basic', run => 'build --out out', exit => undef,
	    ops => [], stderr => '', path => $path);
	my $cur;
	open(my $f, '<', $path) or die "$path: $!";
	binmode $f;
	while (my $l = <$f>) {
		if ($l =~ /^--- (file|bytes) (\S+)\s*$/) {
			$cur = { op => $1, path => $2, text => '' };
			push @{$c{ops}}, $cur;
		} elsif ($l =~ /^--- large (\S+) (\d+)\s*$/) {
			push @{$c{ops}}, { op => 'large', path => $1, size => $2 };
			$cur = undef;
		} elsif ($l =~ /^--- remove (\S+)\s*$/) {
			push @{$c{ops}}, { op => 'remove', path => $1 };
			$cur = undef;
		} elsif ($l =~ /^--- before (.+?)\s*$/) {
			push @{$c{ops}}, { op => 'before', args => $1 };
			$cur = undef;
		} elsif ($l =~ /^--- copy (\S+) (\S+)\s*$/) {
			push @{$c{ops}}, { op => 'copy', path => $1, to => $2 };
			$cur = undef;
		} elsif ($l =~ /^--- mkdir (\S+)\s*$/) {
			push @{$c{ops}}, { op => 'mkdir', path => $1 };
			$cur = undef;
		} elsif ($l =~ /^--- symlink (\S+) (\S+)\s*$/) {
			push @{$c{ops}}, { op => 'symlink', path => $1, to => $2 };
			$cur = undef;
		} elsif ($l =~ /^--- fifo (\S+)\s*$/) {
			push @{$c{ops}}, { op => 'fifo', path => $1 };
			$cur = undef;
		} elsif ($l =~ /^--- perl (\S+) (.+?)\s*$/) {
			push @{$c{ops}}, { op => 'perl', path => $1, expr => $2 };
			$cur = undef;
		} elsif ($l =~ /^--- stderr\s*$/) {
			$cur = { op => 'stderr', text => '' };
			$c{stderr_op} = $cur;
		} elsif ($cur) {
			$cur->{text} .= $l;
		} elsif ($l =~ /^(base|run|exit):\s*(.*?)\s*$/) {
			$c{$1} = $2;
		} elsif ($l =~ /^#/ || $l =~ /^\s*$/) {
			$c{what} //= $l =~ s/^#\s*//r if $l =~ /^#/;
		} else {
			die "$path: cannot read line: $l";
		}
	}
	close $f;
	chomp $c{what} if defined $c{what};
	$c{stderr} = $c{stderr_op} ? $c{stderr_op}{text} : '';
	return \%c;
}

sub unescape { my $t = shift; $t =~ s/\\x([0-9A-Fa-f]{2})/chr(hex($1))/ge; $t =~ s/\n\z//; $t }
sub unescape_path { my $t = shift; $t =~ s/\\x([0-9A-Fa-f]{2})/chr(hex($1))/ge; $t }

for my $path (sort glob("$top/tests/bad/*.case")) {
	my $c = parse_case($path);
	my $name = basename($path, '.case');
	my $dir = "$tmp/$name";
	remove_tree($dir);
	system('cp', '-r', "$top/tests/fixtures/$c->{base}", $dir) == 0
	    or die "cannot copy fixture $c->{base}";
	for my $op (@{$c->{ops}}) {
		my $p = defined $op->{path} ? "$dir/" . unescape_path($op->{path}) :
		    undef;
		if ($op->{op} eq 'file') { spew($p, $op->{text}) }
		elsif ($op->{op} eq 'bytes') { spew($p, unescape($op->{text})) }
		elsif ($op->{op} eq 'large') { spew($p, "-- " . ("x" x ($op->{size} - 4)) . "\n") }
		elsif ($op->{op} eq 'remove') { unlink($p) or remove_tree($p) }
		elsif ($op->{op} eq 'before') {
			system("cd '$dir' && $pg $op->{args} >/dev/null 2>&1") == 0
			    or die "$name: protocolgen $op->{args} failed";
		} elsif ($op->{op} eq 'mkdir') {
			make_path($p);
		} elsif ($op->{op} eq 'symlink') {
			make_path(dirname($p));
			symlink(unescape_path($op->{to}), $p) or die "$name: symlink: $!";
		} elsif ($op->{op} eq 'fifo') {
			make_path(dirname($p));
			POSIX::mkfifo($p, 0644) or die "$name: mkfifo: $!";
		} elsif ($op->{op} eq 'copy') {
			spew("$dir/" . unescape_path($op->{to}),
			    slurp($p) // die "$name: no $op->{path}");
		} elsif ($op->{op} eq 'perl') {
			local $_ = slurp($p) // die "$name: no $op->{path}";
			eval $op->{expr};
			die "$name: $@" if $@;
			spew($p, $_);
		}
	}
	my $pid = fork() // die "fork: $!";
	if ($pid == 0) {
		chdir($dir) or die;
		open(STDOUT, '>', "$tmp/$name.out");
		open(STDERR, '>', "$tmp/$name.err");
		exec("$pg " . $c->{run}) or exit(127);
	}
	my $status;
	{
		local $SIG{ALRM} = sub { kill('KILL', $pid) };
		alarm(60);
		waitpid($pid, 0);
		$status = $?;
		alarm(0);
	}
	my $err = slurp("$tmp/$name.err") // '';
	my $what = $c->{what} // $name;
	if ($bless) {
		my $text = slurp($path);
		$text =~ s/--- stderr\n.*\z//s;
		$text .= "--- stderr\n$err";
		$text =~ s/^exit: .*$/"exit: " . ($status >> 8)/me
		    or $text =~ s/^(run: .*\n|base: .*\n)*/$&exit: @{[$status >> 8]}\n/;
		spew($path, $text);
		next;
	}
	result(($status & 127) == 0, "$name: no crash ($what)", "signal " . ($status & 127));
	result(defined $c->{exit} && ($status >> 8) == $c->{exit},
	    "$name: exit status", "got " . ($status >> 8) . ", want " . ($c->{exit} // '?'));
	result(same_messages($err, $c->{stderr}), "$name: messages",
	    "got:", $err, "want:", $c->{stderr});
	# nothing half-written: no temporary files, every output complete
	my @bad;
	if (-d "$dir/out") {
		find(sub {
			return unless -f $_;
			push @bad, "$File::Find::name (temporary)" if /\.tmp\./;
			push @bad, "$File::Find::name (truncated)"
			    if /\.html$/ && !/-fragment\.html$/ &&
			    (slurp($_) // '') !~ m{</html>\n\z};
			push @bad, "$File::Find::name (truncated)"
			    if /-fragment\.html$/ &&
			    (slurp($_) // '') !~ m{</section>\n\z};
			push @bad, "$File::Find::name (empty)" if -z $_;
		}, "$dir/out");
	}
	result(!@bad, "$name: no partial output", @bad);
}
print "1..$n\n";
exit($failed ? 1 : 0);
