#!/usr/bin/perl
# The words of protocol.md (or schoolgids.md), clause by clause, in order,
# in the text pdftotext extracts from LibreOffice's PDF of the .odt: the
# body's words in order, then the footnotes' words in order (they sit at
# the foot of their pages).  Words are runs of letters; a hyphen between
# letters, or at a line end where Writer hyphenated, joins them, so Writer's
# hyphenation is no difference.  Extra words (header, footer, the title
# block's labels) are allowed; a missing or reordered one is not.  The
# cells of a table need only be there: pdftotext reads them in any order.
# Usage: odtwords.pl protocol.md text.txt; prints where it fails.
use strict;
use warnings;

binmode STDOUT, ':encoding(UTF-8)';

sub slurp {
	my ($f) = @_;
	open(my $fh, '<:encoding(UTF-8)', $f) or die "$f: $!\n";
	local $/;
	return <$fh>;
}

sub words {
	my ($text) = @_;
	$text =~ s/(\p{L})[-\x{AD}\x{2010}\x{2011}](\p{L})/$1$2/g;
	my @w;
	push @w, $1 while $text =~ /(\p{L}[\p{L}\p{M}]*)/g;
	return @w;
}

my $md = slurp(shift);
my $txt = slurp(shift);
$md =~ s/\A---\n.*?\n---\n//s;			# the metadata block
my @notes;
push @notes, $1 while $md =~ /^\[\^[^\]]*\]:(.*(?:\n(?!\[\^|\n).*)*)/gm;
$md =~ s/^\[\^[^\]]*\]:.*(?:\n(?!\[\^|\n).*)*//gm;
$md =~ s/^#+ Voetnoten\n//m;
$md =~ s/\]\([^)]*\)/]/g;			# link targets
$md =~ s/\[\^[^\]]*\]//g;			# footnote references
$md =~ s/\\(.)/$1/g;				# Markdown escapes
# tables: pdftotext may read their cells column by column; their words
# need only be there
my @cells;
push @cells, words($1) while $md =~ s/^(\|.*)\n//m;

# the body in parts, each named by the clause or section comment before it
my (@want, @where);
my $at = 'the title';
for my $piece (split /(<!--.*?-->)/s, $md) {
	if ($piece =~ /^<!--\s*(?:clause|section)\s+(\S+)/) {
		$at = $1;
		next;
	}
	next if $piece =~ /^<!--/;
	for my $w (words($piece)) {
		push @want, $w;
		push @where, $at;
	}
}
for my $n (0 .. $#notes) {
	for my $w (words($notes[$n])) {
		push @want, $w;
		push @where, 'footnote ' . ($n + 1);
	}
}

# Writer hyphenates at a line end: "woor-\nden"
$txt =~ s/(\p{L})[-\x{AD}\x{2010}\x{2011}][ \t]*\n\s*(\p{L})/$1$2/g;
my @got = words($txt);

# greedy: each wanted word at its first occurrence after the last match;
# a word run together with the next one (Writer broke "beeld- en" after
# the hyphen) matches both
my $nbody = @want - scalar(map { words($_) } @notes);
my ($j, $j0) = (0, 0);
for (my $i = 0; $i < @want; $i++) {
	$j = $j0 = 0 if $i == $nbody;		# the notes: from the top again
	my $k = $j;
	while ($k < @got) {
		last if $got[$k] eq $want[$i];
		if ($i + 1 < @want && $got[$k] eq $want[$i] . $want[$i + 1]) {
			$i++;
			last;
		}
		if ($k + 1 < @got && $got[$k] . $got[$k + 1] eq $want[$i]) {
			$k++;
			last;
		}
		$k++;
	}
	if ($k >= @got) {
		my $from = $i > 5 ? $i - 5 : 0;
		printf "%s: \"%s\" missing or out of order after \"%s\"\n",
		    $where[$i], $want[$i], join(' ', @want[$from .. $i - 1]);
		exit 1;
	}
	$j = $k + 1;
}
my %have;
$have{$_}++ for @got;
for my $w (@cells) {
	next if $have{$w}-- > 0;
	print "a table: \"$w\" missing\n";
	exit 1;
}
exit 0;
