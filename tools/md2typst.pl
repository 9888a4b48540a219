#!/usr/bin/perl
# make bench: an equivalent Typst source for a protocol.md, so that Typst
# lays out the same content as our PDF backend (A4, Carlito 10.5 pt,
# justified, Dutch hyphenation, header, "pagina X van Y", hanging article
# numbers, footnotes, links).  Not a general Markdown converter.
use strict;
use warnings;
use utf8;

binmode STDIN, ':encoding(UTF-8)';
binmode STDOUT, ':encoding(UTF-8)';
my $md = do { local $/; <STDIN> };
my %meta = $md =~ /^(\w+): (.*)$/mg;
$md =~ s/\A---\n.*?\n---\n//s;
my %note;
$note{$1} = $2 while $md =~ s/^\[\^(\d+)\]: (.*)\n//m;
$md =~ s/^## Voetnoten\n//m;

sub esc {
	my ($t) = @_;
	$t =~ s/([\\#\$\@<>_`\[\]~=\/])/\\$1/g;
	return $t;
}

sub inline {
	my ($t) = @_;
	my @parts;
	$t =~ s{\[\^(\d+)\]}{push @parts, '#footnote[' . esc($note{$1} // '') . ']'; "\0" . $#parts . "\0"}ge;
	$t =~ s{\[([^\]]*)\]\(([^)]*)\)}{
		my ($x, $u) = ($1, $2);
		push @parts, $u =~ /^#/ ? '#link(<' . substr($u, 1) . '>)[' . esc($x) . ']'
		    : '#link("' . $u . '")[' . esc($x) . ']';
		"\0" . $#parts . "\0"}ge;
	$t = esc($t);
	$t =~ s/\*\*(.+?)\*\*/\0B$1\0B/g;
	$t =~ s/\*(.+?)\*/_$1_/g;
	$t =~ s/\0B(.+?)\0B/*$1*/g;
	$t =~ s/\0(\d+)\0/$parts[$1]/g;
	return $t;
}

print <<"EOT";
#set document(title: "@{[ $meta{title} ]} – @{[ $meta{name} ]}", author: "@{[ $meta{author} // '' ]}")
#set text(font: "Carlito", size: 10.5pt, lang: "nl", region: "nl", fill: rgb("#1f2328"))
#set par(justify: true, leading: 0.55em, spacing: 0.7em)
#set page(paper: "a4", margin: (x: 25mm, top: 29mm, bottom: 24mm),
  header: [#set text(8.5pt, fill: rgb("#57606a")); @{[ esc($meta{name}) ]} · @{[ esc($meta{title}) ]} #h(1fr) versie @{[ $meta{version} ]}],
  footer: context [#set text(8.5pt, fill: rgb("#57606a")); @{[ $meta{status} ]} #h(1fr) pagina #counter(page).display() van #counter(page).final().first()])
#show heading: set text(13.5pt, fill: rgb("#0b4f8a"))
#show heading: set block(above: 1.4em, below: 0.6em)
#text(24pt, weight: "bold", fill: rgb("#0b4f8a"))[@{[ esc($meta{title}) ]}]

@{[ esc($meta{name}) ]}

#table(columns: (130pt, 1fr), stroke: (x: none, y: 0.5pt + rgb("#d0d7de")),
  [*Versie*], [@{[ $meta{version} ]}], [*Status*], [@{[ $meta{status} ]}],
  [*Auteur*], [@{[ esc($meta{author} // '') ]}], [*Eigenaar*], [@{[ esc($meta{owner} // '') ]}])

EOT
$md =~ s/\A.*?(?=<!-- section )//s;	# title and subtitle: above
for my $block (split /\n\n+/, $md) {
	next if $block =~ /^\s*$/;
	$block =~ s/^<!-- section (\S+) -->\n//;
	my $label = $1;
	if ($block =~ /^<!-- section (\S+) -->$/) {
		next;
	}
	if ($block =~ s/^## (.*)$//) {
		my $h = $1;
		print "#pagebreak(weak: true)\n" if $h =~ /^Bijlage/;	# as ours
		print "= ", esc($h), ($label ? " <$label>" : ''), "\n\n";
		next;
	}
	my $anchor = '';
	$anchor = " <$1>" if $block =~ s/^<!-- clause (\S+)[^>]*-->\n//;
	if ($block =~ s/^\*\*(\d+\.\d+)\*\* //) {
		print "#grid(columns: (30pt, 1fr), [*$1*], [", inline($block),
		    "])$anchor\n\n";
		next;
	}
	if ($block =~ /^(\s*)(-|\d+\.)\s/) {
		for my $line (split /\n/, $block) {
			$line =~ s/^(\s*)(-|\d+\.)\s+// or next;
			my $ind = ' ' x (length($1) > 2 ? 2 : 0);
			print $ind, ($2 eq '-' ? '- ' : '+ '), inline($line), "\n";
		}
		print "\n";
		next;
	}
	print inline($block), "$anchor\n\n";
}
