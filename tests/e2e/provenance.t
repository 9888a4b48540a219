#!/usr/bin/perl
# Provenance, both ways: every clause cites seed articles that exist
# (tests/seeds/INDEX.tsv), and every article of every seed is cited by a
# clause.  And `protocolgen clauses` lists each clause with its title,
# section, audience, variants, sources and the schools that use it.
use strict;
use warnings;
use utf8;
use FindBin;
use lib $FindBin::Bin;
use File::Temp qw(tempdir);
use Seeds qw(read_file_utf8 load_index clause_files parse_clause
    seed_files seed_blocks);

binmode STDOUT, ':encoding(UTF-8)';
my $TOP = "$FindBin::Bin/../..";
my $PG = $ENV{PROTOCOLGEN} // "$TOP/bin/protocolgen";
$ENV{SOURCE_DATE_EPOCH} //= 1763683200;

my $n = 0;
my $failed = 0;
sub ok {
	my ($cond, $name) = @_;
	$n++;
	print $cond ? "ok $n - $name\n" : "not ok $n - $name\n";
	$failed++ unless $cond;
	return $cond;
}
sub note { print map { "# $_\n" } @_ }
# a failure's details, on stderr (prove shows them)
sub diag { print STDERR map { "#   $_\n" } map { split /\n/ } @_ }
sub is_set {	# is_set \@got \@want name: same elements
	my ($got, $want, $name) = @_;
	my %g = map { $_ => 1 } @$got;
	my %w = map { $_ => 1 } @$want;
	my @miss = grep { !$g{$_} } sort keys %w;
	my @extra = grep { !$w{$_} } sort keys %g;
	ok(!@miss && !@extra, $name) or
	    diag(map({ "missing: $_" } @miss), map({ "unexpected: $_" } @extra));
}

# --- the index of seed articles -------------------------------------------
my @index = load_index("$TOP/tests/seeds/INDEX.tsv");
my %kinds = map { $_ => 1 } qw(title meta heading article list artefact);
my @badkind = grep { !$kinds{ $_->{kind} } } @index;
ok(!@badkind, 'INDEX.tsv: every entry has a known kind') or
    diag(map { "$_->{at}: kind '$_->{kind}'" } @badkind);
my (%seen, @dup);
push @dup, $_ for grep { $seen{"$_->{seed}#$_->{article}"}++ } @index;
ok(!@dup, 'INDEX.tsv: article ids are unique within a seed') or
    diag(map { "$_->{at}: $_->{seed}#$_->{article} again" } @dup);

# The index names each block of each seed by its first line, and its text
# column is the start of that block (so the index cannot drift).
my $seeds = seed_files("$TOP/tests/seeds");
my @drift;
for my $seed (sort keys %$seeds) {
	my %block = map { $_->{line} => $_->{text} }
	    seed_blocks(read_file_utf8($seeds->{$seed}));
	for my $e (grep { $_->{seed} eq $seed } @index) {
		my $start = $e->{text};
		$start =~ s/…$//;
		push @drift, "$e->{at}: line $e->{line} of seed $seed is " .
		    "not a block starting '$start'"
		    unless defined $block{ $e->{line} } &&
		    index($block{ $e->{line} }, $start) == 0;
	}
}
ok(!@drift, 'INDEX.tsv matches the blocks of tests/seeds') or diag(@drift);

my %citable = map { ("$_->{seed}#$_->{article}" => $_) }
    grep { $_->{kind} eq 'article' || $_->{kind} eq 'list' } @index;
my %any = map { ("$_->{seed}#$_->{article}" => $_) } @index;

# --- clauses → seed articles -------------------------------------------------
my @files = clause_files("$TOP/clauses");
my %clause;
my (@nosrc, @badsrc);
my %cited;
for my $f (@files) {
	my ($fm) = parse_clause($f);
	$clause{ $fm->{id} } = $fm;
	my @src = split ' ', $fm->{sources} // '';
	push @nosrc, $f unless @src;
	for my $s (@src) {
		if ($citable{$s}) { $cited{$s}++ }
		else {
			push @badsrc, "$f: $s " . ($any{$s} ? "is a " .
			    "$any{$s}{kind}, not an article" :
			    'is not in tests/seeds/INDEX.tsv');
		}
	}
}
ok(@files >= 100, scalar(@files) . ' clauses in the library');
ok(!@nosrc, 'every clause cites a seed article (sources:)') or diag(@nosrc);
ok(!@badsrc, 'every source a clause cites is an article of a seed') or
    diag(@badsrc);

# --- seed articles → clauses -------------------------------------------------
my @uncited = grep { !$cited{$_} } sort keys %citable;
ok(!@uncited, 'every article of every seed is cited by a clause') or
    diag(map { "$_ ($citable{$_}{at}): $citable{$_}{text}" } @uncited);
for my $seed (sort keys %$seeds) {
	my @a = grep { /^$seed#/ } keys %citable;
	my @c = grep { $cited{$_} } @a;
	note(sprintf('seed %s: %d of %d articles cited', $seed, scalar @c,
	    scalar @a));
}

# --- variants ------------------------------------------------------------
my %group;
push @{ $group{ $_->{'variant-of'} } }, $_->{id}
    for grep { $_->{'variant-of'} } values %clause;
my @lonely = grep { @{ $group{$_} } < 2 } sort keys %group;
ok(!@lonely, 'every variant group has at least two variants') or
    diag(map { "group $_: only @{ $group{$_} }" } @lonely);

# --- protocolgen clauses -------------------------------------------------
my $tmp = tempdir('protocolgen-prov.XXXXXX', TMPDIR => 1, CLEANUP => 1);
my $list = `'$PG' clauses --root '$TOP' 2>'$tmp/err'`;
ok($? == 0, 'protocolgen clauses exits 0') or diag(read_file_utf8("$tmp/err"));
utf8::decode($list);
my %listed;
my $cur;
for (split /\n/, $list) {
	if (/^(\S+)$/) { $cur = $listed{$1} = {} ; next }
	next unless $cur && /^  ([a-z]+):\s*(.*)$/;
	$cur->{$1} = $2;
}
is_set([ keys %listed ], [ keys %clause ], 'protocolgen clauses lists every clause');
my @wrong;
for my $id (sort keys %clause) {
	my ($fm, $l) = ($clause{$id}, $listed{$id}) or next;
	next unless $l;
	for my $k (qw(title section audience sources)) {
		my $want = $fm->{$k} // '';
		$want = join ' ', split ' ', $want;
		my $got = $l->{$k} // '(missing)';
		push @wrong, "$id: $k is '$got', want '$want'" if $got ne $want;
	}
	push @wrong, "$id: no schools line" unless defined $l->{schools};
	if (my $g = $fm->{'variant-of'}) {
		my @sib = sort grep { $_ ne $id } @{ $group{$g} };
		my $want = "@sib (group $g)";
		push @wrong, "$id: variants '" . ($l->{variants} // '') .
		    "', want '$want'" if ($l->{variants} // '') ne $want;
	} elsif (defined $l->{variants}) {
		push @wrong, "$id: variants listed for a clause of no group";
	}
}
ok(!@wrong, 'each listed clause shows its title, section, audience, ' .
    'sources and variants') or diag(@wrong);

# The schools a clause lists are those whose protocol has it.
system("'$PG' build --root '$TOP' --out '$tmp/out' -q 2>'$tmp/err'");
ok($? == 0, 'every school builds') or diag(read_file_utf8("$tmp/err"));
my %uses;
# every school's current text: published when adopted, else in the preview
for my $dir ("$tmp/out", "$tmp/out/concept") {
	opendir(my $dh, $dir) or die;
	for my $id (grep { !/^\./ && -f "$dir/$_/protocol.md" } readdir $dh) {
		next if $dir eq "$tmp/out" && -f "$tmp/out/concept/$id/protocol.md";
		my $md = read_file_utf8("$dir/$id/protocol.md");
		$uses{$1}{$id} = 1 while $md =~ /<!-- (?:clause|footnote) (\S+)/g;
	}
	closedir $dh;
}
my @users;
for my $id (sort keys %listed) {
	my @got = grep { $_ ne '(none)' } split ' ', $listed{$id}{schools} // '';
	my @want = sort keys %{ $uses{$id} // {} };
	push @users, "$id: lists '@got', protocols have it: '@want'"
	    if "@{[sort @got]}" ne "@want";
}
ok(!@users, 'each clause lists exactly the schools whose protocol has it') or
    diag(@users);
my @unused = grep { !%{ $uses{$_} // {} } } sort keys %clause;
ok(!@unused, 'every clause is used by at least one school') or diag(@unused);

print "1..$n\n";
exit($failed ? 1 : 0);
