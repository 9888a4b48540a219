#!/usr/bin/perl
# sgtrace.pl SCHOOLGIDS.md PROTOCOL.md NL.STRINGS
#
# Does every sentence of a school's schoolgids section trace to its
# protocol?  A paragraph or list item that ends with its place in the
# protocol ("(artikel 5.3)", "(hoofdstuk 9)", "(bijlage 2)", with a no-break
# space before the number; before a final
# colon when a list follows) must consist of sentences found in that
# article, chapter or appendix of protocol.md; a list or table after such a
# lead is checked against the same place.  Everything else must be one of
# the fixed frames of templates/nl.strings (titles, "Uit het protocol:",
# where to read the protocol, the version line, the draft mark) or a
# labelled legal fact (sg.fact.*, each worded as a fact of the AVG or the
# Inspectie).  A clause cited under "Mobiele telefoon" names a phone, one
# under "Foto's en video's" a photo or recording.  Consent ages appear only in a
# secondary school's section or when the protocol states them.  Prints one line per failure and a summary
# ("traced N sentences"); exits 1 on any failure.
use strict;
use warnings;
use utf8;
use open qw(:std :encoding(UTF-8));

my ($sgfile, $protofile, $strings) = @ARGV;
die "usage: sgtrace.pl SCHOOLGIDS.md PROTOCOL.md NL.STRINGS\n" unless $strings;

sub slurp { local $/; open my $f, '<', $_[0] or die "$_[0]: $!\n"; <$f> }

# Plain text of a Markdown fragment, as a reader sees it.
sub plain {
	my $s = shift;
	$s =~ s/\[\^\d+\]//g;			# footnote references
	$s =~ s/\[([^\]]*)\]\([^)]*\)/$1/g;	# links
	$s =~ s/\*\*([^*]*)\*\*/$1/g;
	$s =~ s/(^|\s)\*([^*]+)\*/$1$2/g;
	$s =~ s/\\([[:punct:]])/$1/g;		# Markdown escapes
	$s =~ s/(?!\x{A0})\s+/ /g;	# a no-break space stays
	$s =~ s/^ | $//g;
	return $s;
}

# --- the protocol: its articles, chapters and appendices as plain text
my (%place, $level, $section, $clause);
my $proto = slurp($protofile);
$level = $1 if $proto =~ /^level: (\S+)$/m;
for (split /\n/, $proto) {
	if (/^<!-- section \S+ -->$/) { $section = undef; $clause = undef; next }
	if (/^## (Bijlage \d+|\d+) /) { $section = lc $1; $section =~ s/^(\d)/hoofdstuk $1/; next }
	if (/^<!-- clause \S+ ([\d.]+) -->$/) { $clause = "artikel $1"; next }
	if (/^<!-- clause \S+ -->$/) { $clause = undef; next }
	if (/^<!-- footnotes -->$/) { $section = $clause = undef; next }
	next if /^<!--/ || !defined $section;
	(my $t = $_) =~ s/^\s*(?:- )?//;
	$t =~ s/^\*\*[\d.]+\*\* //;
	$place{$section} .= " $t";
	$place{$clause} .= " $t" if defined $clause;
}
$place{$_} = ' ' . plain($place{$_}) . ' ' for keys %place;

# --- the fixed strings: frames and labelled facts
my (%str, @frames, @facts, @titles, @fail);
for (split /\n/, slurp($strings)) {
	$str{$1} = $2 if /^([a-z][\w.-]*) = (.*)$/;
}
sub pattern {	# an nl.strings text as a regex: {{...}} matches any value
	my @p = split /(\{\{[^}]*\}\})/, shift;
	return join '', map { /^\{\{/ ? '.+?' : quotemeta } @p;
}
for my $k (sort keys %str) {
	if ($k =~ /^sg\.fact\./) {
		push @facts, pattern($str{$k});
		push @fail, "nl.strings: $k is not worded as a fact of the AVG or the Inspectie"
		    unless $str{$k} =~ /^(Volgens de AVG|De Inspectie van het Onderwijs) /;
	} elsif ($k =~ /^sg\.(agreements\.lead|protocol\.text(\.none)?|version(\.draft)?)$/) {
		push @frames, pattern($str{$k});
	} elsif ($k =~ /^sg\.(title|[\w]+\.title|lessons\.caption)$/) {
		push @titles, $str{$k};
	} elsif ($k =~ /^mark\.note\.(.*)/) {
		push @frames, quotemeta($str{"mark.$1"} // '') . ' – ' . quotemeta($str{$k});
	}
}
my %title = map { $_ => 1 } @titles;
my @head = map { $str{$_} // () } qw(sg.lessons.programme sg.lessons.by
    sg.lessons.when lesson.group.one lesson.year.one);
my %headcell = map { $_ => 1 } @head;

# --- the schoolgids section, block by block
my $sentences = 0;
my $lead;		# the place of the paragraph that leads a list or table
my $heading = '';	# the part being read
# Headings match their content: what a cited clause under these parts names.
my %about = (($str{'sg.phone.title'} // '') => qr/telefoon/i,
    ($str{'sg.photos.title'} // '') => qr/foto|film|beeld|opname/i);
sub sentences { split /(?<=[.!?])\s+(?=[\p{Lu}‘'"(])/, shift }

sub traced {	# traced TEXT PLACE WHAT: each sentence is in PLACE
	my ($text, $where, $what) = @_;
	if (!defined $place{$where}) {
		push @fail, "$what: '$text' cites $where, which the protocol does not have";
		return;
	}
	for my $s (sentences($text)) {
		$sentences++;
		push @fail, "$what: '$s' is not in $where of the protocol"
		    unless index($place{$where}, " $s ") >= 0 ||
		    index($place{$where}, " $s") >= 0;
	}
}

sub unit {	# a paragraph or a list item
	my ($raw, $in_list) = @_;
	my $t = plain($raw);
	return if $t eq '';
	if ($t =~ s/ \(((?:artikel\x{A0}[\d.]+)|(?:hoofdstuk\x{A0}\d+)|(?:bijlage\x{A0}\d+))\)(:?)$/$2/) {
		(my $where = $1) =~ tr/\x{A0}/ /;
		traced($t, $where, $in_list ? 'item' : 'paragraph');
		push @fail, "'$t' sits under '$heading' but is not about it"
		    if $about{$heading} && $t !~ $about{$heading};
		$lead = $t =~ /:$/ ? $where : undef;
		return;
	}
	if ($in_list && defined $lead) {
		traced($t, $lead, 'item');
		return;
	}
	$lead = undef;
	for my $p (@frames, @facts) {
		if ($t =~ /^$p$/) { $sentences++; return }
	}
	push @fail, "'$t' traces to no clause of the protocol and is no labelled fact or frame";
}

my (@para, @item, $list);
sub flush {
	unit(join(' ', @para), 0) if @para;
	unit(join(' ', @item), 1) if @item;
	@para = @item = ();
}
for (split /\n/, slurp($sgfile)) {
	if (/^\s*$/) { flush(); next }
	if (/^#{2,3} (.*)$/) {
		flush();
		push @fail, "heading '$1' is not a part title of nl.strings" unless $title{$1};
		$heading = $1;
		$lead = undef;
		next;
	}
	if (/^> (.*)$/) { flush(); unit($1, 0); next }
	if (/^\*\*(.*)\*\*$/) {	# a table's caption
		flush();
		push @fail, "caption '$1' is not a title of nl.strings" unless $title{$1};
		next;
	}
	if (/^\|(.*)\|$/) {
		flush();
		my @c = map { plain($_) } split /(?<!\\)\|/, $1;
		next if $c[0] =~ /^-+$/;
		if ($headcell{$c[0]}) {
			$headcell{$_} or push @fail, "table head '$_' is not in nl.strings" for @c;
			next;
		}
		if (!defined $lead) {
			push @fail, "table row '@c' follows no lead citing the protocol";
			next;
		}
		for my $c (grep { $_ ne '' } @c) {
			(my $h = $c) =~ s/–/-/g;
			$sentences++;
			push @fail, "table cell '$c' is not in $lead of the protocol"
			    unless index($place{$lead} // '', $h) >= 0 ||
			    index($place{$lead} // '', $c) >= 0;
		}
		next;
	}
	if (/^\s*- (.*)$/) {
		unit(join(' ', @para), 0) if @para;
		@para = ();
		unit(join(' ', @item), 1) if @item;
		@item = ($1);
		next;
	}
	if (@item) { push @item, $_; next }
	push @para, $_;
}
flush();

# Consent ages: for secondary schools, or when the protocol states them.
my $sg = plain(slurp($sgfile));
push @fail, "a primary school's section states a consent age its protocol does not"
    if ($level // '') ne 'vo' && $sg =~ /\b16 jaar\b/ &&
    !grep { /\b16 jaar\b/ } values %place;

print "$_\n" for @fail;
print "traced $sentences sentences\n";
exit(@fail ? 1 : 0);
