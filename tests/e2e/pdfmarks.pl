#!/usr/bin/perl
# The marks drawn on each page of a PDF, read from its uncompressed content
# (`qpdf --qdf`): a double underline is two horizontal strokes over the same
# stretch, one above the other at 2.8 times their weight (generator/pdf_draw.c:
# INS_DROP2 - INS_DROP1 = 0.14 of the size, MARK_WEIGHT = 0.05); any other
# horizontal stroke but a rule (0.5 pt, or the 1.5 pt title rule) is a
# strike-through; a stroked rectangle is a badge's box.
# Usage: pdfmarks.pl FILE; prints "page N ins I del D boxes B" per page.
use strict;
use warnings;

my $file = shift or die "usage: pdfmarks.pl FILE\n";
open(my $fh, '-|', 'qpdf', '--qdf', '--object-streams=disable', $file, '-')
    or die "qpdf: $!\n";
binmode $fh;
my ($page, $width, %seg, %boxes) = (0, 1);
my $in = 0;
while (<$fh>) {
	if (/^%% Contents for page (\d+)/) {
		($page, $in, $width) = ($1, 1, 1);
		next;
	}
	$in = 0 if /^endstream/;
	next unless $in;
	$width = $1 if /(?:^| )([\d.]+) w(?: |$)/;
	$boxes{$page}++ while /\bre S\b/g;
	while (/([-\d.]+) ([-\d.]+) m ([-\d.]+) ([-\d.]+) l S/g) {
		next unless $2 == $4;		# horizontal only
		next if abs($width - 0.5) < 0.01 || abs($width - 1.5) < 0.01;
		push @{ $seg{$page} }, [$1, $3, $2, $width];
	}
}
close $fh or exit 1;

# pair the strokes of double underlines; the rest are strike-throughs
sub count {
	my @s = sort { $a->[0] <=> $b->[0] || $a->[2] <=> $b->[2] } @{ $_[0] || [] };
	my ($ins, $del, @used) = (0, 0);
	for my $i (0 .. $#s) {
		next if $used[$i];
		my $pair;
		for my $j ($i + 1 .. $#s) {
			next if $used[$j];
			my ($a, $b) = ($s[$i], $s[$j]);
			next unless abs($a->[0] - $b->[0]) < 0.01 &&
			    abs($a->[1] - $b->[1]) < 0.01;
			my $dy = $b->[2] - $a->[2];
			if (abs($dy - 2.8 * $a->[3]) < 0.05) {
				$pair = $j;
				last;
			}
		}
		$used[$i] = 1;
		if (defined $pair) {
			$used[$pair] = 1;
			$ins++;
		} else {
			$del++;
		}
	}
	return ($ins, $del);
}

for my $p (1 .. $page) {
	my ($ins, $del) = count($seg{$p});
	printf "page %d ins %d del %d boxes %d\n", $p, $ins, $del,
	    $boxes{$p} // 0;
}
