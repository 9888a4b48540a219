#!/usr/bin/perl
# The words of protocol.md or schoolgids.md, in order, in the text of the
# .docx as LibreOffice prints it (its PDF through pdftotext): a
# subsequence, since the running header and footer and the footnotes at
# the foot of each page come in between.  Words are runs of letters
# (numbers are checked on the document itself: a hanging number may come
# out of pdftotext before or after its line); a hyphen between letters is
# dropped on both sides, and a word LibreOffice hyphenated (its text has
# no hyphen then) may come as two pieces in a row.
# The schoolgids' tables are compared as words only (pdftotext reads a
# table by columns).  Footnotes: each one's words in order, somewhere.
#   docxorder.pl protocol|schoolgids FILE.md FILE.txt
# Prints what is missing; exit 1 then.
use strict;
use warnings;
use utf8;
use Unicode::Normalize;

binmode STDOUT, ':encoding(UTF-8)';

my ($mode, $mdf, $txtf) = @ARGV;
die "usage: docxorder.pl protocol|schoolgids MD TXT\n" unless defined $txtf;

sub slurp {
	my ($f) = @_;
	open(my $fh, '<:encoding(UTF-8)', $f) or die "$f: $!\n";
	local $/;
	return NFKC(<$fh>);
}

sub words {
	my ($t) = @_;
	$t =~ s/(\p{L})[-\x{2010}\x{2011}\x{AD}]\s*(\p{L})/$1$2/g;
	$t =~ s/(\p{L})[-\x{2010}\x{2011}\x{AD}]\s*(\p{L})/$1$2/g;
	my @w;
	push @w, $1 while $t =~ /(\p{L}[\p{L}\p{M}]*)/g;
	return @w;
}

# Is @$need a subsequence of @$have?  Return the first word not found.
sub missing {
	my ($need, $have) = @_;
	my $j = 0;
	for my $i (0 .. $#$need) {
		my $w = $need->[$i];
		# LibreOffice's hyphenation leaves no hyphen in the text: a
		# word may be two pieces in a row
		$j++ while $j < @$have && $have->[$j] ne $w &&
		    !($j + 1 < @$have && $have->[$j] . $have->[$j + 1] eq $w);
		return "word " . ($i + 1) . " '$w' (after '" .
		    join(' ', @$need[($i > 5 ? $i - 5 : 0) .. $i - 1]) . "')"
		    if $j >= @$have;
		$j += $have->[$j] eq $w ? 1 : 2;
	}
	return undef;
}

my $md = slurp($mdf);
my @have = words(slurp($txtf));
my %bag;
$bag{$_}++ for @have;
my (@notes, @table);
$md =~ s/\A---\n.*?\n---\n//s;			# the front matter
if ($mode eq 'protocol') {
	$md =~ s/\A.*?(?=^<!-- section )//ms;	# title block: a table
	$md =~ s/^<!-- footnotes -->\n.*?\n(?=\[\^)//ms;
	while ($md =~ s/^\[\^[^\]]*\]:[ \t]*(.*(?:\n[ \t]+.*)*)\n?//m) {
		push @notes, $1;
	}
} elsif ($mode eq 'schoolgids') {
	while ($md =~ s/^(\|.*)\n?//m) {
		push @table, $1;
	}
} else {
	die "usage: docxorder.pl protocol|schoolgids MD TXT\n";
}
$md =~ s/<!--.*?-->//gs;
$md =~ s/\]\([^)]*\)/]/g;			# link targets
$md =~ s/\[\^[^\]]*\]//g;			# footnote references
my $bad = 0;
my @need = words($md);
if (!@need) {
	print "no words in $mdf\n";
	$bad++;
}
if (defined(my $m = missing(\@need, \@have))) {
	print "text: $m not in order\n";
	$bad++;
}
for my $i (0 .. $#notes) {
	my @n = words($notes[$i]);
	if (defined(my $m = missing(\@n, \@have))) {
		print "footnote " . ($i + 1) . ": $m\n";
		$bad++;
	}
}
for my $w (map { words($_) } @table) {
	next if $w eq '' || $bag{$w};
	print "table: '$w' missing\n";
	$bad++;
}
exit($bad ? 1 : 0);
