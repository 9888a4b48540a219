# Seed protocols for the end-to-end tests: blocks, sentences, corrections,
# the article index, and a fuzzy "is this sentence in that text" search.
# Perl core only (CI machines have perl, not always python).
package Seeds;

use strict;
use warnings;
use utf8;
use Encode qw(decode);
use Exporter 'import';

our @EXPORT_OK = qw(read_file_utf8 seed_files seed_blocks block_sentences
    norm load_index load_corrections apply_corrections html_text
    Finder clause_files parse_clause);

# Read a whole file as text (UTF-8).
sub read_file_utf8 {
	my ($path) = @_;
	open(my $fh, '<:raw', $path) or die "$path: $!\n";
	local $/;
	my $raw = <$fh>;
	close $fh;
	return decode('UTF-8', $raw, Encode::FB_CROAK);
}

# seed prefix ("000") => path of its copy in tests/seeds.
sub seed_files {
	my ($dir) = @_;
	my %f;
	opendir(my $dh, $dir) or die "$dir: $!\n";
	for my $n (sort readdir $dh) {
		$f{$1} = "$dir/$n" if $n =~ /^(\d{3})_[0-9a-f]+\.txt$/;
	}
	closedir $dh;
	return \%f;
}

# A list marker at the start of a seed line: "1. ", "2.Indien", "01. ",
# "A. ", "- ", "• ", or a footnote's superscript number.
my $MARKER = qr/^(?:\d+\.(?:\d+\.?)?\s*(?=\S)|[A-Z]\.\s|[-•*]\s|[¹²³⁴⁵⁶⁷⁸⁹])/;

# The blocks of a seed: paragraphs, list items, headings, table rows, each
# { line => first line number, text => lines joined by one space }.
#   - a blank line (or a Markdown rule) ends a block;
#   - a line with a tab (a table row) is a block of its own;
#   - a line starting with a list marker starts a new block;
#   - any other line continues the current block (hard-wrapped text).
sub seed_blocks {
	my ($text) = @_;
	my (@blocks, $cur);
	my $n = 0;
	for my $l (split /\n/, $text, -1) {
		$n++;
		my $tab = $l =~ /\t/;
		$l =~ s/\s+$//;
		$l =~ s/^\s+//;
		$l =~ s/^#+\s*//;
		$l =~ s/\*\*//g;
		if ($l eq '' || $l =~ /^-{3,}$/) {
			undef $cur;
			next;
		}
		$l =~ s/\t/ /g;
		if ($tab || !defined $cur || $l =~ $MARKER) {
			$cur = { line => $n, text => $l };
			push @blocks, $cur;
			undef $cur if $tab;
		} else {
			$cur->{text} .= " $l";
		}
	}
	return @blocks;
}

# The sentences of a block, list marker removed.  A piece of fewer than
# three words ("o.a.", "Dir.") stays with its neighbour.
sub block_sentences {
	my ($text) = @_;
	$text =~ s/^(?:\d+\.(?:\d+\.?)?|[A-Z]\.|[-•*]|Bijlage \d+:?)\s*//;
	$text =~ s/\s+/ /g;
	my @raw = split /(?<=[.!?])\s+(?=[\p{Lu}\d'"‘“(])/, $text;
	my @out;
	my $carry = '';
	for my $s (@raw) {
		$s = $carry eq '' ? $s : "$carry $s";
		if (scalar(split ' ', $s) < 3) {
			$carry = $s;
			next;
		}
		push @out, $s;
		$carry = '';
	}
	if ($carry ne '') {
		if (@out) { $out[-1] .= " $carry" } else { push @out, $carry }
	}
	return grep { norm($_) ne '' } @out;
}

# Comparable form: lower case; footnote marks, quotes and URL schemes
# dropped; "ouders/verzorgers" read as "ouders" (the library's term for
# what some seeds call "ouders"); anything but letters and digits is one
# space.
sub norm {
	my ($s) = @_;
	$s = lc $s;
	$s =~ s{\b(?:https?|tel|mailto):(?://)?}{}g;
	$s =~ s/[\x{B9}\x{B2}\x{B3}\x{2070}-\x{2079}]//g;
	$s =~ s/['"`\x{B4}\x{2018}-\x{201F}]//g;
	$s =~ s{ouders/verzorgers}{ouders}g;
	$s =~ s{ouder/verzorger}{ouder}g;
	$s =~ s/[^\p{L}\p{N}]+/ /g;
	$s =~ s/^ | $//g;
	return $s;
}

# tests/seeds/INDEX.tsv: seed, line, article, kind.
sub load_index {
	my ($path) = @_;
	my @rows;
	my $n = 0;
	for my $l (split /\n/, read_file_utf8($path)) {
		$n++;
		next if $l =~ /^\s*(#|$)/;
		my @f = split /\t/, $l;
		die "$path:$n: want 5 tab-separated fields\n" if @f < 4;
		push @rows, { seed => $f[0], line => $f[1], article => $f[2],
		    kind => $f[3], text => $f[4] // '', at => "$path:$n" };
	}
	return @rows;
}

# clauses/CORRECTIONS.tsv: clause, seed, from, to, why.  "\n" in to
# starts a new block.  The seed may name the lines its row is limited to
# ("002:80-93": blocks starting there); a from of "*" is the whole block.
sub load_corrections {
	my ($path) = @_;
	my @rows;
	my $n = 0;
	for my $l (split /\n/, read_file_utf8($path)) {
		$n++;
		next if $l =~ /^\s*(#|$)/;
		my @f = split /\t/, $l, -1;
		die "$path:$n: want 5 tab-separated fields, got " .
		    scalar(@f) . "\n" if @f != 5;
		die "$path:$n: empty 'from' or 'why'\n"
		    if $f[2] eq '' || $f[4] eq '';
		my ($seed, $lines) = ($f[1], undef);
		$lines = [ $2, $3 ] if $f[1] =~ /^(\d{3}):(\d+)-(\d+)$/ &&
		    ($seed = $1);
		push @rows, { clause => $f[0], seed => $seed, lines => $lines,
		    from => $f[2], to => $f[3], why => $f[4], at => "$path:$n",
		    used => 0 };
	}
	return @rows;
}

# Apply the corrections of one seed to its blocks, in file order, every
# occurrence.  Blocks keep their line; a correction whose 'to' holds "\n"
# splits its block.  Marks each correction used when it matched.
sub apply_corrections {
	my ($seed, $blocks, $corr) = @_;
	my @out = map { { %$_ } } @$blocks;
	for my $c (grep { $_->{seed} eq $seed } @$corr) {
		my $to = $c->{to};
		for my $b (@out) {
			next if $c->{lines} && ($b->{line} < $c->{lines}[0] ||
			    $b->{line} > $c->{lines}[1]);
			if ($c->{from} eq '*') {
				$c->{used}++;
				$b->{text} = $to;
				next;
			}
			my $k = () = $b->{text} =~ /\Q$c->{from}\E/g;
			next unless $k;
			$c->{used} += $k;
			$b->{text} =~ s/\Q$c->{from}\E/$to/g;
		}
	}
	my @split;
	for my $b (@out) {
		push @split, map { { line => $b->{line}, text => $_ } }
		    grep { /\S/ } split /\\n/, $b->{text};
	}
	return @split;
}

# The text of a generated HTML page: tags removed, entities decoded; the
# generated article and section numbers, footnote marks and back links
# left out (list numbering is not compared).
sub html_text {
	my ($h) = @_;
	$h =~ s/.*?<body[^>]*>//s;
	$h =~ s{<a class="skip-link".*?</a>}{}s;
	$h =~ s{<span class="(?:art-num|num)">[\d.]+</span>}{}gs;
	$h =~ s{<sup class="fnref">.*?</sup>}{}gs;
	$h =~ s{<a [^>]*class="fn-back"[^>]*>.*?</a>}{}gs;
	$h =~ s{<caption class="visually-hidden">.*?</caption>}{}gs;
	$h =~ s/<[^>]*>/ /g;
	$h =~ s/&lt;/</g;
	$h =~ s/&gt;/>/g;
	$h =~ s/&quot;/"/g;
	$h =~ s/&#39;|&apos;/'/g;
	$h =~ s/&#(\d+);/chr($1)/ge;
	$h =~ s/&#x([0-9a-fA-F]+);/chr(hex $1)/ge;
	$h =~ s/&amp;/&/g;
	return $h;
}

# clauses/**/*.md below root (not outlines), sorted.
sub clause_files {
	my ($root) = @_;
	my @f;
	opendir(my $dh, $root) or die "$root: $!\n";
	for my $d (sort readdir $dh) {
		next if $d =~ /^\./ || $d eq 'outlines' || !-d "$root/$d";
		opendir(my $sh, "$root/$d") or die "$root/$d: $!\n";
		push @f, map { "$root/$d/$_" } sort grep { /\.md$/ } readdir $sh;
		closedir $sh;
	}
	closedir $dh;
	return @f;
}

# Front matter (hash) and body of a clause file.
sub parse_clause {
	my ($path) = @_;
	my $t = read_file_utf8($path);
	$t =~ s/\r\n/\n/g;
	$t =~ s/^\x{FEFF}//;
	my ($fm, $body) = $t =~ /^---\n(.*?)\n---\n(.*)$/s
	    or die "$path: no front matter\n";
	my %h;
	for my $l (split /\n/, $fm) {
		$l =~ s/(^|\s)#.*//;
		next unless $l =~ /^\s*([a-z-]+):\s*(.*?)\s*$/;
		$h{$1} = $2;
	}
	return (\%h, $body);
}

# ------------------------------------------------------------------
# Finder: is a sentence in a text, give or take 10% of its characters?
#
# The similarity of sentence s to text T is 1 - d / |s|, d the smallest
# Levenshtein distance between s and any span of T (a semi-global
# alignment), both in norm() form.  Only a few spans are aligned: each
# word of s (3 letters or more) that occurs in T votes for where s would
# start; the three start positions with the most distinct voters, if
# they have at least a third of the words, are aligned with some slack.

package Seeds::Finder;

sub new {
	my ($class, $text) = @_;
	my %at;
	while ($text =~ /(\S+)/g) {
		my ($w, $at) = ($1, $-[1]);
		push @{ $at{$w} }, $at if length($w) >= 3 || $w =~ /^\d+$/;
	}
	return bless { t => $text, at => \%at }, $class;
}

sub words_at {
	my ($s) = @_;
	my @w;
	while ($s =~ /(\S+)/g) {
		push @w, [ $1, $-[1] ];
	}
	my @long = grep { length($_->[0]) >= 3 || $_->[0] =~ /^\d+$/ } @w;
	return @long ? @long : @w;
}

# Best similarity of normalised sentence s in the text (0 when no word of
# s occurs in it).
sub best {
	my ($self, $s) = @_;
	my $m = length $s;
	return 1 if $m == 0;
	my (%votes, %seen);
	for my $w (words_at($s)) {
		my ($word, $off) = @$w;
		next if $seen{"$word $off"}++;
		for my $p (@{ $self->{at}{$word} // [] }) {
			my $b = int(($p - $off) / 16);
			$votes{$_}{$word} = 1 for ($b - 1, $b, $b + 1);
		}
	}
	my $need = scalar(words_at($s)) / 3;
	my @cand = sort { keys %{ $votes{$b} } <=> keys %{ $votes{$a} } ||
	    $a <=> $b } grep { keys %{ $votes{$_} } >= $need } keys %votes;
	my $best = $m;
	my $slack = int($m * 0.15) + 24;
	my %done;
	for my $b (@cand[0 .. ($#cand < 5 ? $#cand : 5)]) {
		my $from = $b * 16 - $slack;
		$from = 0 if $from < 0;
		next if $done{ int($from / 32) }++;
		my $span = substr($self->{t}, $from, $m + 2 * $slack + 16);
		my $d = semiglobal($s, $span);
		$best = $d if $d < $best;
		last if $best == 0;
	}
	return 1 - $best / $m;
}

# The span of the text closest to normalised sentence s ('' when none).
sub closest {
	my ($self, $s) = @_;
	my $m = length $s;
	return '' if $m == 0;
	my ($bd, $bspan) = ($m + 1, '');
	my %votes;
	for my $w (words_at($s)) {
		for my $p (@{ $self->{at}{ $w->[0] } // [] }) {
			$votes{ int(($p - $w->[1]) / 16) }++;
		}
	}
	my @cand = (sort { $votes{$b} <=> $votes{$a} || $a <=> $b }
	    keys %votes)[0 .. 5];
	my $slack = int($m * 0.15) + 24;
	for my $b (grep { defined } @cand) {
		my $from = $b * 16 - $slack;
		$from = 0 if $from < 0;
		my $span = substr($self->{t}, $from, $m + 2 * $slack + 16);
		my ($d, $end) = semiglobal($s, $span);
		next unless $d < $bd;
		my ($d2, $rend) = semiglobal(scalar reverse($s),
		    scalar reverse(substr($span, 0, $end)));
		($bd, $bspan) = ($d, substr($span, $end - $rend, $rend));
	}
	return $bspan;
}

# Smallest edit distance between p and any substring of t (and, in list
# context, where the best substring ends).
sub semiglobal {
	my ($p, $t) = @_;
	my @p = split //, $p;
	my $m = @p;
	my @col = (0 .. $m);
	my $best = $m;
	my ($end, $k) = (0, 0);
	for my $tc (split //, $t) {
		$k++;
		my @new = (0);
		for my $i (1 .. $m) {
			my $v = $col[$i - 1] + ($p[$i - 1] eq $tc ? 0 : 1);
			$v = $col[$i] + 1 if $col[$i] + 1 < $v;
			$v = $new[$i - 1] + 1 if $new[$i - 1] + 1 < $v;
			$new[$i] = $v;
		}
		@col = @new;
		($best, $end) = ($col[$m], $k) if $col[$m] < $best;
	}
	return wantarray ? ($best, $end) : $best;
}

package Seeds;

sub Finder { return Seeds::Finder->new(@_) }

1;
