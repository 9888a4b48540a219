#!/usr/bin/perl
# The words of a protocol's text, one per line, in order, for comparing the
# Word redline read with its changes accepted or rejected (pandoc -t plain)
# with protocol.md of the new or old revision.  Both sides lose the same
# things: markup, link targets, punctuation, bullets; words are runs of
# letters, marks and digits, so "2.1" is "2" and "1" on both sides.
#   docxwords.pl md FILE      protocol.md or a frozen revision: its body
#                             from the first section on
#   docxwords.pl plain FILE   pandoc's plain text of the redline: from the
#                             line "Tekst met wijzigingen" to the line
#                             "Besluit" (summary, legend and decision
#                             block are ordinary text, not the protocol's)
use strict;
use warnings;
use utf8;

binmode STDOUT, ':encoding(UTF-8)';

my ($mode, $file) = @ARGV;
open(my $fh, '<:encoding(UTF-8)', $file) or die "$file: $!\n";
my $t = do { local $/; <$fh> };

if ($mode eq 'md') {
	$t =~ s/\A---\n.*?\n---\n//s;		# the front matter
	$t =~ s/\A.*?(?=^<!-- section )//ms;	# title and school name
	$t =~ s/<!--.*?-->//gs;
	$t =~ s/\]\([^)]*\)/]/g;		# link targets
	$t =~ s/\[\^([^\]]*)\]:?/ $1 /g;	# footnote references, labels
} elsif ($mode eq 'plain') {
	$t =~ s/\A.*?^Tekst met wijzigingen\n//ms or die "$file: no text part\n";
	$t =~ s/^Besluit\n.*\z//ms;
	$t =~ tr/⁰¹²³⁴⁵⁶⁷⁸⁹/0123456789/;	# footnote references
} else {
	die "usage: docxwords.pl md|plain FILE\n";
}
print "$1\n" while $t =~ /([\p{L}\p{M}\p{Nd}]+)/g;
