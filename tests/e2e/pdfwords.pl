#!/usr/bin/perl
# Whole words: every word of protocol.md occurs in the PDF's extracted text
# (pdftotext) at least as often, so no word was split or lost at a line end.
# Usage: pdfwords.pl protocol.md protocol.txt; prints what is missing.
use strict;
use warnings;

binmode STDOUT, ':encoding(UTF-8)';

sub slurp {
	my ($f) = @_;
	open(my $fh, '<:encoding(UTF-8)', $f) or die "$f: $!\n";
	local $/;
	return <$fh>;
}

sub count {
	my ($text, $h) = @_;
	$h->{$1}++ while $text =~ /(\p{L}[\p{L}\p{M}]*)/g;
}

my $md = slurp(shift);
my $txt = slurp(shift);
$md =~ s/\A---\n.*?\n---\n//s;		# the metadata block
$md =~ s/<!--.*?-->//gs;
$md =~ s/^#+ Voetnoten\n//m;		# notes sit at the foot of their page
$md =~ s/\]\([^)]*\)/]/g;		# link targets
$md =~ s/\[\^[^\]]*\]//g;		# footnote references
$md =~ s/^\[\^[^\]]*\]://gm;		# footnote labels
my (%want, %got);
count($md, \%want);
count($txt, \%got);
my $bad = 0;
for my $w (sort keys %want) {
	next if ($got{$w} // 0) >= $want{$w};
	printf "missing %s (md %d, pdf %d)\n", $w, $want{$w}, $got{$w} // 0;
	$bad++;
}
print "soft hyphen in the text\n", $bad++ if $txt =~ /\x{AD}/;
exit($bad ? 1 : 0);
