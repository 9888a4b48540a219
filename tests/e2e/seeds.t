#!/usr/bin/perl
# The seed protocols, sentence by sentence, against what the library makes
# of them.  Each raw seed sentence must be in its school's generated
# protocol exactly (after normalisation: case, whitespace, quotes,
# punctuation, list numbering), or its block, with the rows of
# clauses/CORRECTIONS.tsv applied, must be there exactly: then the sentence
# is reported as changed, with the reasons of those rows.  Nothing else may
# differ.  The clause library as a whole must hold at least 99% of all
# seeds' corrected article and heading sentences within 10% (Levenshtein).
# Every correction must match its seed and name the defect it fixes.
# See docs/SOURCES.md.
use strict;
use warnings;
use utf8;
use FindBin;
use lib $FindBin::Bin;
use File::Temp qw(tempdir);
use Seeds qw(read_file_utf8 seed_files seed_blocks block_sentences norm
    load_index load_corrections apply_corrections html_text clause_files
    parse_clause);

binmode STDOUT, ':encoding(UTF-8)';
binmode STDERR, ':encoding(UTF-8)';
my $TOP = "$FindBin::Bin/../..";
my $PG = $ENV{PROTOCOLGEN} // "$TOP/bin/protocolgen";
$ENV{SOURCE_DATE_EPOCH} //= 1763683200;
my $MIN_SIM = 0.9;
my %SCHOOL = ('000' => 'de-bron', '001' => 'cnv-model', '002' => 'quadraam',
    '003' => 'de-sterren', '004' => 'klimop');

my $n = 0;
my $failed = 0;
sub ok {
	my ($cond, $name) = @_;
	$n++;
	print $cond ? "ok $n - $name\n" : "not ok $n - $name\n";
	$failed++ unless $cond;
	return $cond;
}
sub note { print map { "# $_\n" } map { split /\n/ } @_ }
# a failure's details, on stderr (prove shows them)
sub diag { print STDERR map { "#   $_\n" } map { split /\n/ } @_ }

my $tmp = tempdir('protocolgen-seeds.XXXXXX', TMPDIR => 1, CLEANUP => 1);
my $rc = system("'$PG' build --root '$TOP' --out '$tmp/out' -q " .
    join(' ', sort values %SCHOOL) . " 2>'$tmp/err'");
ok($rc == 0, 'the five seed schools build') or diag(read_file_utf8("$tmp/err"));

my $seeds = fromdir("$TOP/tests/seeds");
my @index = load_index("$TOP/tests/seeds/INDEX.tsv");
my @corr = load_corrections("$TOP/clauses/CORRECTIONS.tsv");
my @clauses = map { [ parse_clause($_) ] } clause_files("$TOP/clauses");
my @titles = outline_titles("$TOP/clauses/outlines");

sub fromdir { return seed_files(@_) }

# Section titles of every outline (the library's headings).
sub outline_titles {
	my ($dir) = @_;
	my @t;
	opendir(my $dh, $dir) or die "$dir: $!\n";
	for my $f (sort grep { /\.outline$/ } readdir $dh) {
		for (split /\n/, read_file_utf8("$dir/$f")) {
			push @t, $1 if /^(?:section|appendix)\s+[^:]+:\s*(.*?)\s*$/;
		}
	}
	closedir $dh;
	return @t;
}

# The {{name}} values of a school, as `protocolgen build --explain` shows.
sub school_vars {
	my ($id) = @_;
	my %v;
	for (split /\n/, `'$PG' build --root '$TOP' --explain '$id' 2>/dev/null`) {
		next if /^school / || /\[\d+\]/;
		$v{$1} = $2 if /^(\S+)\s+(.*?)\s+\S+:\d+$/ && $2 ne '-';
	}
	return \%v;
}

# Clause text with a school's values: placeholders bound (list
# placeholders left out: their items come from the config), footnote
# marks and link targets dropped.
sub bind_text {
	my ($t, $vars) = @_;
	$t =~ s/\[\^[a-z0-9.-]+\]//g;
	$t =~ s/\{\{[?!][^}]*\}\}//g;
	$t =~ s/\[([^\]]*)\]\((?:<[^>]*>|[^)]*)\)/$1/g;
	$t =~ s{\{\{\s*([a-z0-9._-]+)(\|cap)?\s*\}\}}{
		my $v = $1 eq 'channels' || $1 eq 'lessons' ? '' :
		    $vars->{$1} // "{{$1}}";
		$2 ? ucfirst $v : $v }ge;
	return $t;
}

# One raw block through the corrections of its seed: the blocks it becomes
# and the rows that changed it.
sub correct_block {
	my ($seed, $b, $corr) = @_;
	my $text = $b->{text};
	my @rows;
	for my $c (grep { $_->{seed} eq $seed } @$corr) {
		next if defined $c->{lines} && ($b->{line} < $c->{lines}[0] ||
		    $b->{line} > $c->{lines}[1]);
		if ($c->{from} eq '*') {
			push @rows, $c;
			$text = $c->{to};
			next;
		}
		next unless index($text, $c->{from}) >= 0;
		push @rows, $c;
		$text =~ s/\Q$c->{from}\E/$c->{to}/g;
	}
	return ([ grep { /\S/ } split /\\n/, $text ], \@rows);
}

# Does a correction's text overlap a sentence (either holds the other, or
# they share a run of five words)?
sub overlaps {
	my ($s, $from) = @_;
	return 1 if $from eq '*' || index($s, $from) >= 0 || index($from, $s) >= 0;
	my @w = split ' ', $from;
	return index($s, $from) >= 0 if @w < 5;
	for my $i (0 .. $#w - 4) {
		return 1 if index($s, join(' ', @w[$i .. $i + 4])) >= 0;
	}
	return 0;
}

sub uniq { my %s; return grep { !$s{$_}++ } @_ }

my %index_at;
push @{ $index_at{ $_->{seed} } }, $_ for @index;

my ($lib_found, $lib_total) = (0, 0);
for my $seed (sort keys %SCHOOL) {
	my $id = $SCHOOL{$seed};
	ok(exists $seeds->{$seed}, "seed $seed is in tests/seeds") or next;
	my @blocks = seed_blocks(read_file_utf8($seeds->{$seed}));
	my %kind = map { $_->{line} => $_->{kind} } @{ $index_at{$seed} };
	my @unindexed = grep { !exists $kind{ $_->{line} } } @blocks;
	ok(!@unindexed, "$seed: every block of the seed is in INDEX.tsv") or
	    diag(map { "line $_->{line}: $_->{text}" } @unindexed);

	my @fixed = apply_corrections($seed, \@blocks, \@corr);
	my @left = grep { ($kind{ $_->{line} } // '') eq 'artefact' } @fixed;
	ok(!@left, "$seed: the corrections remove the seed's artefacts") or
	    diag(map { "line $_->{line}: $_->{text}" } @left);

	# published when adopted, else in the preview of drafts
	my $html = -f "$tmp/out/$id/protocol.html" ?
	    "$tmp/out/$id/protocol.html" : "$tmp/out/concept/$id/protocol.html";
	my $doc = -f $html ? Seeds::Finder(norm(html_text(read_file_utf8($html))))
	    : Seeds::Finder('');
	my $vars = school_vars($id);
	my $lib = Seeds::Finder(join ' | ',
	    map({ norm(bind_text($_->[1], $vars)) } @clauses),
	    map({ norm(bind_text($_, $vars)) } @titles));

	# The protocol against the raw seed, sentence by sentence: a sentence
	# is unchanged when the protocol holds it (normalised) exactly; else
	# the corrections of its block must produce text the protocol holds
	# exactly, and the sentence is reported as changed, with their reasons.
	my ($total, $same, $changed) = (0, 0, 0);
	my (@report, @unexplained);
	for my $b (@blocks) {
		my @raw = block_sentences($b->{text});
		$total += @raw;
		my @new = grep { $doc->best(norm($_)) < 1 } @raw;
		$same += @raw - @new;
		next unless @new;
		my ($out, $rows) = correct_block($seed, $b, \@corr);
		my @miss;
		for my $t (map { block_sentences($_) } @$out) {
			my $sim = $doc->best(norm($t));
			push @miss, sprintf("%.2f  %s\n      protocol: %s", $sim, $t,
			    $doc->closest(norm($t))) if $sim < 1;
		}
		if (@miss || !@$rows) {
			push @unexplained, "line $b->{line}: $b->{text}",
			    map({ "    in the protocol, best: $_" } @miss),
			    @$rows ? () : '    no correction applies to this block';
			next;
		}
		$changed += @new;
		for my $s (@new) {
			my @why = grep { overlaps($s, $_->{from}) } @$rows;
			@why = @$rows unless @why;
			push @report, "line $b->{line}: $s",
			    map { "      $_" } uniq(map { $_->{why} } @why);
		}
	}
	note(sprintf('%s %-10s raw seed: %3d sentences, %3d unchanged, ' .
	    '%3d changed by corrections, %d not accounted for', $seed, $id,
	    $total, $same, $changed, scalar grep { /^line / } @unexplained));
	note('  changed (and why):', map { "    $_" } @report) if @report;
	ok($total > 0 && !@unexplained, "$seed: every sentence of the raw " .
	    "seed is in out/$id/protocol.html, unchanged or changed by a " .
	    "listed correction") or diag(@unexplained);

	# The library as a whole, with this school's values: the seed's
	# articles and headings, corrected, within 10% (fuzzy).
	my ($lfound, $ltotal) = (0, 0);
	my @lmissing;
	for my $b (@fixed) {
		my $k = $kind{ $b->{line} } // 'article';
		next unless $k eq 'article' || $k eq 'heading';
		for my $s (block_sentences($b->{text})) {
			$ltotal++;
			my $lsim = $lib->best(norm($s));
			if ($lsim >= $MIN_SIM) { $lfound++ }
			else { push @lmissing, sprintf('%.2f  line %d: %s', $lsim,
			    $b->{line}, $s) }
		}
	}
	$lib_found += $lfound;
	$lib_total += $ltotal;
	note(sprintf('  library %3d/%3d corrected article and heading ' .
	    'sentences', $lfound, $ltotal));
	note("  not in the library:", map { "    $_" } @lmissing) if @lmissing;
}
my $all = $lib_total ? 100 * $lib_found / $lib_total : 0;
note(sprintf('library, all seeds: %d/%d sentences (%.1f%%); title, ' .
    'metadata and channel/lesson items come from the configs',
    $lib_found, $lib_total, $all));
ok($all >= 99, 'the clause library holds at least 99% of the seeds\' ' .
    'sentences');

# Every correction applies to its seed and names a clause or a config key.
my %clause = map { $_->[0]{id} => 1 } @clauses;
my @unused = grep { !$_->{used} } @corr;
ok(!@unused, 'every correction matches its seed') or
    diag(map { "$_->{at}: '$_->{from}' is not in seed $_->{seed}" } @unused);
my @bad = grep { !$clause{ $_->{clause} } &&
    $_->{clause} !~ /^(?:\*|(?:config|outline):[a-z0-9._-]+)$/ } @corr;
ok(!@bad, 'every correction names a clause (or *, config:KEY, outline:NAME)') or
    diag(map { "$_->{at}: unknown clause '$_->{clause}'" } @bad);
# Every correction is a defect fix: its reason starts with its kind.
my $KINDS = qr/^(?:OCR error|typo|spelling|grammar|punctuation|term|outdated(?: name)?|placeholder|name|fact|reference|layout|artefact|duplicate)\b/;
my @nokind = grep { $_->{why} !~ $KINDS } @corr;
ok(!@nokind, 'every correction says which defect it fixes (OCR error, typo, ' .
    'spelling, grammar, punctuation, term, outdated, placeholder, name, fact, ' .
    'reference, layout, artefact, duplicate)') or
    diag(map { "$_->{at}: $_->{why}" } @nokind);
my @merged = grep { $_->{why} =~ /\bone clause (?:with|for)\b/ } @corr;
ok(!@merged, 'no correction changes a seed to share a clause with another ' .
    '(use a variant or a parameter)') or
    diag(map { "$_->{at}: $_->{why}" } @merged);
my @noseed = grep { !$SCHOOL{ $_->{seed} } } @corr;
ok(!@noseed, 'every correction names a seed') or
    diag(map { "$_->{at}: unknown seed '$_->{seed}'" } @noseed);

print "1..$n\n";
exit($failed ? 1 : 0);
