#!/usr/bin/perl
# No glyph outside the type area: reads `pdftotext -bbox` and prints every
# word whose box leaves [left, right] x [top, bottom] (points).
# Usage: pdftotext -bbox FILE - | pdfbbox.pl LEFT RIGHT TOP BOTTOM
use strict;
use warnings;

binmode STDOUT, ':encoding(UTF-8)';
binmode STDIN, ':encoding(UTF-8)';
my ($l, $r, $t, $b) = @ARGV;
my ($page, $bad, $words) = (0, 0, 0);
while (<STDIN>) {
	$page++ if /<page /;
	next unless /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/;
	$words++;
	next if $1 >= $l - 0.01 && $3 <= $r + 0.01 && $2 >= $t && $4 <= $b;
	print "page $page: '$5' at x $1-$3, y $2-$4\n";
	$bad++;
}
print "no words\n" if $words == 0;
exit($bad || !$words ? 1 : 0);
