#!/usr/bin/perl
# Facts about a PDF for the TAP tests, read through `qpdf --json`: the
# catalogue's language and tagging, named destinations, links and bookmarks.
# Prints "key value" lines; exits 1 when qpdf cannot read the file.
use strict;
use warnings;
use JSON::PP;

binmode STDOUT, ":encoding(UTF-8)";
my $file = shift or die "usage: pdffacts.pl FILE\n";
open(my $fh, '-|', 'qpdf', '--json=2', '--json-key=qpdf', $file)
    or die "qpdf: $!\n";
my $json = do { local $/; <$fh> };
close $fh or exit 1;
my $o = decode_json($json)->{qpdf}[1];

sub obj {
	my ($r) = @_;
	return $r if !defined $r || ref $r || $r !~ /^(\d+) (\d+) R$/;
	my $v = $o->{"obj:$1 $2 R"};
	return $v ? $v->{value} : undef;
}

sub str {
	my ($s) = @_;
	return '' unless defined $s;
	return substr($s, 2) if $s =~ /^u:/;
	return pack('H*', substr($s, 2)) if $s =~ /^b:/;
	return $s;
}

my $cat = obj($o->{trailer}{value}{'/Root'}) || {};
my $mark = obj($cat->{'/MarkInfo'}) || {};
print 'lang ', str($cat->{'/Lang'}), "\n";
print 'marked ', ($mark->{'/Marked'} ? 'true' : 'false'), "\n";
print 'structtree ', ($cat->{'/StructTreeRoot'} ? 'yes' : 'no'), "\n";

# pages, by reference
my @pages = @{ (obj(obj($cat->{'/Pages'}) ? $cat->{'/Pages'} : undef) || {})->{'/Kids'} || [] };
my %page = map { $_ => 1 } @pages;

# the name tree of destinations: each must point at a page
my %dest;
sub names {
	my ($n) = @_;
	return unless $n;
	my $a = $n->{'/Names'} || [];
	for (my $i = 0; $i + 1 < @$a; $i += 2) {
		my $d = obj($a->[$i + 1]);
		$d = obj($d->{'/D'}) if ref $d eq 'HASH';
		$dest{ str($a->[$i]) } = ref $d eq 'ARRAY' && $page{ $d->[0] } ? 1 : 0;
	}
	names(obj($_)) for @{ $n->{'/Kids'} || [] };
}
names(obj((obj($cat->{'/Names'}) || {})->{'/Dests'}));
print 'dests ', scalar(keys %dest), "\n";
print 'dests-broken ', scalar(grep { !$dest{$_} } keys %dest), "\n";

sub target {
	my ($x) = @_;
	return str($x->{'/Dest'}) if defined $x->{'/Dest'};
	my $a = obj($x->{'/A'}) || {};
	return str($a->{'/D'}) if ($a->{'/S'} || '') eq '/GoTo';
	return undef;
}

my ($internal, $broken, $uri) = (0, 0, 0);
for my $p (@pages) {
	for my $ref (@{ (obj($p) || {})->{'/Annots'} || [] }) {
		my $an = obj($ref) || {};
		next unless ($an->{'/Subtype'} || '') eq '/Link';
		my $a = obj($an->{'/A'}) || {};
		if (($a->{'/S'} || '') eq '/URI') {
			$uri++;
			next;
		}
		my $t = target($an);
		$internal++;
		$broken++ unless defined $t && $dest{$t};
	}
}
print "links-internal $internal\nlinks-broken $broken\nlinks-uri $uri\n";

my ($n, $nbroken) = (0, 0);
my $item = obj((obj($cat->{'/Outlines'}) || {})->{'/First'});
while ($item && $n < 10000) {
	my $t = target($item);
	$n++;
	$nbroken++ unless defined $t && $dest{$t};
	print 'bookmark ', str($item->{'/Title'}), "\n";
	$item = obj($item->{'/Next'});
}
print "bookmarks $n\nbookmarks-broken $nbroken\n";
