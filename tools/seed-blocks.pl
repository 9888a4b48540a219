#!/usr/bin/perl
# Print the blocks of a seed copy (tests/seeds/NNN_*.txt) with their first
# line, as tests/e2e/Seeds.pm splits them: the lines tests/seeds/INDEX.tsv
# must name, one per block.
use strict;
use utf8;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../tests/e2e";
use Seeds qw(read_file_utf8 seed_blocks);

binmode STDOUT, ':encoding(UTF-8)';
for my $path (@ARGV) {
	my ($seed) = $path =~ m{(\d{3})_[^/]*$} or die "$path: not a seed\n";
	for my $b (seed_blocks(read_file_utf8($path))) {
		my $t = $b->{text};
		$t = substr($t, 0, 70) . '…' if length $t > 71;
		print "$seed\t$b->{line}\t$t\n";
	}
}
