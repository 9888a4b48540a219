#!/usr/bin/perl
# Check the layering of generator/ (see generator/LAYERS):
#   every #include "dir/file.h" goes to the file's own folder or a lower one;
#   every symbol an object uses (nm) is defined in its own folder or a lower
#   one, when objects are given;
#   the folders' graph of includes and calls has no cycle.
# usage: tools/layers.pl generator/LAYERS generator [OBJDIR [OBJ...]]
# (OBJ: the objects to read, named under OBJDIR; default: every .o there)
use strict;
use warnings;
use File::Find;

my ($layers, $src, $objdir, @objs) = @ARGV;
die "usage: $0 LAYERS SRCDIR [OBJDIR [OBJ...]]\n" unless defined $src;
my (%rank, $n, @bad, %edge, @deny);
open(my $fh, '<', $layers) or die "$layers: $!\n";
while (<$fh>) {
	s/#.*//;
	if (/^\s*!\s*(.*?)\s*:\s*(.*?)\s*$/) {	# "! FROM... : TO..."
		push @deny, [[split ' ', $1], [split ' ', $2], $.];
		next;
	}
	my @f = split;
	next unless @f;
	$n++;
	for (@f) {
		die "$layers:$.: folder '$_' is listed twice\n" if exists $rank{$_};
		$rank{$_} = $n;
	}
}
close $fh;

sub folder { my $p = shift; return $p =~ m{^(.*)/[^/]+$} ? $1 : '.'; }
# Is folder $f $p or below it?
sub under { my ($f, $p) = @_; return $f eq $p || index($f, "$p/") == 0; }
# May folder $from use folder $to?  Also records the edge for the cycle check.
sub allowed {
	my ($from, $to, $what) = @_;
	return if $from eq $to;
	$edge{$from}{$to} = 1;
	for my $d (@deny) {
		next unless grep { under($from, $_) } @{$d->[0]};
		next unless grep { under($to, $_) } @{$d->[1]};
		push @bad, "$what: from $from to $to, which $layers:$d->[2] "
		    . "forbids";
	}
	for ($from, $to) {
		push @bad, "$what: folder '$_' is not in $layers" and return
		    unless exists $rank{$_};
	}
	if ($rank{$to} == $rank{$from}) {
		push @bad, "$what: sideways, from $from to its sibling $to";
	} elsif ($rank{$to} > $rank{$from}) {
		push @bad, "$what: upward, from $from to $to";
	}
}

my @files;
find({ no_chdir => 1, wanted => sub {
	push @files, $File::Find::name if /\.[ch]$/ } }, $src);
for my $path (sort @files) {
	(my $rel = $path) =~ s{^\Q$src\E/}{};
	my $from = folder($rel);
	open(my $in, '<', $path) or die "$path: $!\n";
	while (<$in>) {
		next unless /^\s*#\s*include\s+"([^"]+)"/;
		my $inc = $1;
		if (!-e "$src/$inc") {
			push @bad, "$path:$.: #include \"$inc\": no such header "
			    . "under $src/ (write includes from $src/)";
			next;
		}
		allowed($from, folder($inc), "$path:$.: #include \"$inc\"");
	}
	close $in;
}

if (defined $objdir) {
	my (%def, %use);
	find({ no_chdir => 1, wanted => sub {
		push @objs, $File::Find::name if /\.o$/ } }, $objdir)
	    unless @objs;
	for my $o (sort @objs) {
		(my $rel = $o) =~ s{^\Q$objdir\E/}{};
		my $f = folder($rel);
		for (`nm -P "$o"`) {
			my ($sym, $type) = split;
			next unless defined $type;
			if ($type eq 'U') { $use{$rel}{$sym} = 1 }
			elsif ($type =~ /^[TDBRC]$/) { $def{$sym} = $f }
		}
	}
	for my $o (sort keys %use) {
		for my $sym (sort keys %{$use{$o}}) {
			next unless exists $def{$sym};
			allowed(folder($o), $def{$sym},
			    "$objdir/$o: calls $sym() of $def{$sym}/");
		}
	}
}

# cycles between folders (depth-first search)
my (%state, @stack);
sub visit {
	my $v = shift;
	$state{$v} = 1;
	push @stack, $v;
	for my $w (sort keys %{$edge{$v} || {}}) {
		if (($state{$w} // 0) == 1) {
			my @c = @stack[(grep { $stack[$_] eq $w } 0..$#stack)[0]..$#stack];
			push @bad, "cycle: " . join(' -> ', @c, $w);
		} elsif (!$state{$w}) {
			visit($w);
		}
	}
	pop @stack;
	$state{$v} = 2;
}
visit($_) for sort grep { !$state{$_} } keys %edge;

my %seen;
@bad = grep { !$seen{$_}++ } @bad;
print STDERR "$_\n" for @bad;
if (@bad) {
	printf STDERR "layers: %d violation%s of %s\n", scalar @bad,
	    @bad == 1 ? '' : 's', $layers;
	exit 1;
}
printf "layers: %d folders, includes and calls only downward, no cycle\n",
    scalar keys %rank;
