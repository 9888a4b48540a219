#!/usr/bin/perl
# The machine-checkable rules of PDF/UA-1 (ISO 14289-1; each named by its
# clause and the number of veraPDF's matching test) that apply to protocolgen's PDFs, read
# through `qpdf --json` with decoded streams.  Prints one line per rule,
# "ok RULE what" or "fail RULE what: details", and exits 1 when one fails
# (2 when qpdf cannot read the file).  docs/PDF.md lists the rules.
use strict;
use warnings;
use JSON::PP;
use MIME::Base64;

binmode STDOUT, ":encoding(UTF-8)";
my $file = shift or die "usage: pdfua.pl FILE\n";
open(my $fh, '-|', 'qpdf', '--json=2', '--json-key=qpdf',
    '--json-stream-data=inline', '--decode-level=generalized', $file)
    or die "qpdf: $!\n";
my $json = do { local $/; <$fh> };
close $fh or exit 2;
my $o = decode_json($json)->{qpdf}[1];
my $failed = 0;

sub rule {
	my ($id, $what, @bad) = @_;
	if (@bad) {
		my $n = @bad;
		splice(@bad, 5) if @bad > 5;
		print "fail $id $what: $n: ", join('; ', @bad), "\n";
		$failed++;
	} else {
		print "ok $id $what\n";
	}
}

sub ent { my ($r) = @_; return defined $r && !ref $r && $r =~ /^(\d+) (\d+) R$/ ? $o->{"obj:$1 $2 R"} : undef; }
sub obj {
	my ($r) = @_;
	return $r if !defined $r || ref $r || $r !~ /^\d+ \d+ R$/;
	my $e = ent($r) or return undef;
	return $e->{stream} ? $e->{stream}{dict} : $e->{value};
}
sub data { my $e = ent($_[0]); return $e && $e->{stream} && defined $e->{stream}{data} ? decode_base64($e->{stream}{data}) : undef; }
sub str {
	my ($s) = @_;
	return '' unless defined $s && !ref $s;
	return substr($s, 2) if $s =~ /^u:/;
	return pack('H*', substr($s, 2)) if $s =~ /^b:/;
	return $s;
}

my $cat = obj($o->{trailer}{value}{'/Root'}) || {};
my $info = obj($o->{trailer}{value}{'/Info'}) || {};

# --- the document -------------------------------------------------------
rule('7.1-8', 'the catalogue has /Metadata', $cat->{'/Metadata'} ? () : ('none'));
my $xmp = data($cat->{'/Metadata'}) // '';
utf8::decode($xmp);
rule('5-1', 'XMP says pdfuaid:part 1',
    $xmp =~ m{pdfuaid:part(?:>\s*1\s*<|="1")} ? () : ('no pdfuaid:part 1'));
my ($dctitle) = $xmp =~ m{<dc:title>.*?<rdf:li[^>]*>([^<]+)</rdf:li>}s;
rule('7.1-9', 'dc:title in the XMP', defined $dctitle && $dctitle =~ /\S/ ? () : ('none'));
rule('7.1-9-info', 'Info /Title as dc:title',
    !defined $dctitle || str($info->{'/Title'}) eq $dctitle ? () :
    ('"' . str($info->{'/Title'}) . '" vs "' . $dctitle . '"'));
my $vp = obj($cat->{'/ViewerPreferences'}) || {};
rule('7.1-10', '/ViewerPreferences /DisplayDocTitle true',
    ($vp->{'/DisplayDocTitle'} // '') eq 'true' || ($vp->{'/DisplayDocTitle'} // 0) eq '1' ? () : ('missing'));
my $mark = obj($cat->{'/MarkInfo'}) || {};
rule('6.2-1', '/MarkInfo /Marked true', $mark->{'/Marked'} ? () : ('missing'));
rule('6.2-2', 'no /Suspects true', $mark->{'/Suspects'} ? ('suspects') : ());
rule('7.2-34', 'the catalogue has /Lang', str($cat->{'/Lang'}) =~ /^[a-z]{2}(-[A-Z]{2})?$/ ? () : ('missing'));
rule('7.16', 'not encrypted', $o->{trailer}{value}{'/Encrypt'} ? ('encrypted') : ());
my $root = obj($cat->{'/StructTreeRoot'});
rule('7.1', 'a structure tree', $root ? () : ('none'));
$root ||= {};

# --- the structure tree -------------------------------------------------
my %std = map { $_ => 1 } qw(Document Part Art Sect Div BlockQuote Caption
    TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody
    Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code
    Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form);
my $rolemap = obj($root->{'/RoleMap'}) || {};
my (@elems, %mcr, %objr, @badtype);
sub kids { my ($k) = @_; return () unless defined $k; my $v = obj($k); return @$v if ref $v eq "ARRAY"; return ($k); }
sub walk {
	my ($ref, $page, $depth, $parent) = @_;
	return if $depth > 200;
	my $e = obj($ref);
	return unless ref $e eq 'HASH';
	my $s = $e->{'/S'} // '';
	$s =~ s{^/}{};
	my $type = $s;
	$type = substr($rolemap->{"/$s"}, 1) while !$std{$type} && $rolemap->{"/$type"};
	push @badtype, $s unless $std{$type};
	my $pg = $e->{'/Pg'} // $page;
	my $el = { ref => $ref, s => $type, e => $e, kids => [], parent => $parent };
	push @elems, $el;
	for my $k (kids($e->{'/K'})) {
		if (!ref $k && $k =~ /^\d+$/) {
			$mcr{"$pg $k"} = $el;
		} elsif (ref $k eq 'HASH' || (obj($k) && ref obj($k) eq 'HASH' && (obj($k)->{'/Type'} // '') =~ m{^/(MCR|OBJR)$})) {
			my $d = ref $k ? $k : obj($k);
			if (($d->{'/Type'} // '') eq '/OBJR') {
				$objr{ $d->{'/Obj'} } = $el;
			} else {
				$mcr{ ($d->{'/Pg'} // $pg) . ' ' . $d->{'/MCID'} } = $el;
			}
		} else {
			my $c = obj($k);
			push @{ $el->{kids} }, scalar(@elems) if ref $c eq 'HASH';
			walk($k, $pg, $depth + 1, $el);
		}
	}
}
walk($_, undef, 0) for kids($root->{'/K'});
rule('7.1-5', 'standard structure types (or role-mapped)', @badtype);

# headings: the first is H1, none skips a level
my ($prev, @skip) = (0);
for my $el (@elems) {
	next unless $el->{s} =~ /^H([1-6])$/;
	push @skip, "$el->{s} after " . ($prev ? "H$prev" : 'no heading') if $1 > $prev + 1;
	$prev = $1;
}
rule('7.4.2-1', 'headings start at H1 and skip no level', @skip);
my %h = map { ($_->{s} eq 'H' ? 'H' : 'Hn') => 1 } grep { $_->{s} =~ /^H[1-6]?$/ } @elems;
rule('7.4.4-3', 'H and H1-H6 not mixed', $h{H} && $h{Hn} ? ('both') : ());

# tables: rows and cells where they belong, every TH with a /Scope
my (@cells, @scope);
for my $el (@elems) {
	for my $i (@{ $el->{kids} }) {
		my $c = $elems[$i];
		push @cells, "$c->{s} in $el->{s}" if $c->{s} =~ /^T[HD]$/ && $el->{s} ne 'TR';
		push @cells, "TR in $el->{s}" if $c->{s} eq 'TR' && $el->{s} !~ /^(Table|THead|TBody|TFoot)$/;
	}
	next unless $el->{s} eq 'TH';
	my $sc;
	for my $a (kids($el->{e}{'/A'})) {
		$a = obj($a);
		$sc = $a->{'/Scope'} if ref $a eq 'HASH' && ($a->{'/O'} // '') eq '/Table';
	}
	push @scope, $el->{ref} unless defined $sc && $sc =~ m{^/(Row|Column|Both)$};
}
rule('7.5-1', 'table cells in rows, rows in tables', @cells);
rule('7.5-2', 'every TH has /Scope', @scope);

# notes have IDs; figures and formulas have alternate text
rule('7.9-1', 'every Note has an /ID', map { $_->{ref} } grep { $_->{s} eq 'Note' && str($_->{e}{'/ID'}) eq '' } @elems);
rule('7.3-1', 'every Figure and Formula has /Alt', map { $_->{ref} } grep { $_->{s} =~ /^(Figure|Formula)$/ && str($_->{e}{'/Alt'}) eq '' && str($_->{e}{'/ActualText'}) eq '' } @elems);

# --- pages: content, annotations, fonts ---------------------------------
my @pages;
sub pages { my ($r) = @_; my $n = obj($r) or return; if (($n->{'/Type'} // '') eq '/Pages') { pages($_) for @{ $n->{'/Kids'} || [] }; } else { push @pages, $r; } }
pages($cat->{'/Pages'});

my %paint = map { $_ => 1 } qw(Tj TJ ' " f F f* B B* b b* S s sh Do BI);
my (@untagged, @orphan, @tabs, @alt, @annot, @fonts, %fontseen, @inart, @intag, @linkel, @truetype);

# the (platform,encoding) pairs of a TrueType font program's cmap table
sub ttf_cmaps {
	my ($d) = @_;
	return () if length $d < 12;
	my $n = unpack('n', substr($d, 4, 2));
	for my $i (0 .. $n - 1) {
		my ($tag, undef, $off) = unpack('a4NN', substr($d, 12 + 16 * $i, 16));
		next unless $tag eq 'cmap';
		my $nt = unpack('n', substr($d, $off + 2, 2));
		return map { join(',', unpack('nn', substr($d, $off + 4 + 8 * $_, 4))) } 0 .. $nt - 1;
	}
	return ();
}

# tokens of a content stream: operators and the operands that matter
sub content_ops {
	my ($s) = @_;
	my (@ops, @args);
	pos($s) = 0;
	while (pos($s) < length $s) {
		if ($s =~ /\G\s+/gc || $s =~ /\G%[^\r\n]*/gc) { next; }
		if ($s =~ /\G\(/gc) {
			my ($d, $from) = (1, pos($s) - 1);
			while ($d && pos($s) < length $s) {
				if ($s =~ /\G\\./gcs) { next; }
				if ($s =~ /\G\(/gc) { $d++; next; }
				if ($s =~ /\G\)/gc) { $d--; next; }
				$s =~ /\G[^()\\]+/gc;
			}
			push @args, substr($s, $from, pos($s) - $from);
		} elsif ($s =~ /\G<</gc) { push @args, '<<'; }
		elsif ($s =~ /\G>>/gc) { push @args, '>>'; }
		elsif ($s =~ /\G(<[0-9A-Fa-f\s]*>)/gc) { push @args, $1; }
		elsif ($s =~ /\G[\[\]]/gc) { }
		elsif ($s =~ m{\G(/[^\s/\[\]()<>{}%]*)}gc) { push @args, $1; }
		elsif ($s =~ /\G([-+]?[0-9.]+)/gc) { push @args, $1; }
		elsif ($s =~ m{\G([^\s/\[\]()<>{}%]+)}gc) {
			push @ops, [$1, [@args]];
			@args = ();
			if ($1 eq 'BI') { $s =~ /\GEI\b/gc or $s =~ /.*?\sEI\b/gcs; }
		} else { pos($s)++; }
	}
	return @ops;
}

# matrices [a b c d e f]: their product, and where a point goes
sub mul {
	my ($m, $n) = @_;
	return [$m->[0] * $n->[0] + $m->[1] * $n->[2], $m->[0] * $n->[1] + $m->[1] * $n->[3],
	    $m->[2] * $n->[0] + $m->[3] * $n->[2], $m->[2] * $n->[1] + $m->[3] * $n->[3],
	    $m->[4] * $n->[0] + $m->[5] * $n->[2] + $n->[4], $m->[4] * $n->[1] + $m->[5] * $n->[3] + $n->[5]];
}
sub strings {
	my ($a) = @_;
	my $s = join('', map { /^\((.*)\)$/s ? $1 : () } @$a);
	$s =~ s/\\([0-7]{1,3})/chr(oct $1)/ge;
	$s =~ s/\\(.)/$1/gs;
	return $s;
}

# Each artifact (page, first baseline in points from the page's top, its
# strings) with the text it shows in the body: the running header and
# footer lie above and below it (BODY_TOP and BODY_BOTTOM of
# generator/render/pdf/pdf.h: 82 pt from the top, 68 pt from the bottom).
# And per table row, the strings of its TH cells in order.
my (@artseq, %rowtext);
my ($BODY_TOP, $BODY_FOOT) = (82, 68);

for my $pi (0 .. $#pages) {
	my $pr = $pages[$pi];
	my $p = obj($pr);
	my $n = $pi + 1;
	my $src = join("\n", map { data($_) // '' } kids($p->{'/Contents'}));
	my $box = obj($p->{'/MediaBox'});
	my $top = ref $box eq 'ARRAY' ? $box->[3] : 841.89;
	my (@stack, $where, @gs);
	my ($ctm, $tlm, $tl) = ([1, 0, 0, 1, 0, 0], [1, 0, 0, 1, 0, 0], 0);
	for my $op (content_ops($src)) {
		my ($k, $a) = @$op;
		if ($k eq 'q') { push @gs, $ctm; }
		elsif ($k eq 'Q') { $ctm = pop @gs // $ctm; }
		elsif ($k eq 'cm' && @$a >= 6) { $ctm = mul([@$a[-6 .. -1]], $ctm); }
		elsif ($k eq 'BT') { $tlm = [1, 0, 0, 1, 0, 0]; }
		elsif ($k eq 'Tm' && @$a >= 6) { $tlm = [@$a[-6 .. -1]]; }
		elsif ($k eq 'TL' && @$a) { $tl = $a->[-1]; }
		elsif (($k eq 'Td' || $k eq 'TD') && @$a >= 2) {
			$tl = -$a->[-1] if $k eq 'TD';
			$tlm = mul([1, 0, 0, 1, @$a[-2, -1]], $tlm);
		}
		$tlm = mul([1, 0, 0, 1, 0, -$tl], $tlm) if $k eq 'T*' || $k eq "'" || $k eq '"';
		if ($k =~ /^(Tj|TJ|'|")$/) {
			my $y = $top - mul($tlm, $ctm)->[5];
			my ($art) = grep { defined $_->[2] } @stack;
			my ($mc) = grep { defined $_->[1] } reverse @stack;
			my $el = $mc ? $mcr{"$pr $mc->[1]"} : undef;
			if ($art && $y >= $BODY_TOP && $y <= $top - $BODY_FOOT) {
				my $x = $artseq[ $art->[2] ];
				$x->[1] //= $y;
				$x->[2] .= strings($a);
			} elsif (!$art && $el && $el->{s} eq 'TH' && $el->{parent}) {
				$rowtext{ $el->{parent}{ref} } .= strings($a);
			}
		}
		if ($k eq 'BMC' || $k eq 'BDC') {
			my $mcid;
			for my $i (0 .. $#$a) { $mcid = $a->[$i + 1] if $a->[$i] eq '/MCID'; }
			push @inart, "page $n $a->[0]" if defined $mcid && grep { $_->[0] eq '/Artifact' } @stack;
			push @intag, "page $n" if $a->[0] eq '/Artifact' && grep { defined $_->[1] } @stack;
			my $art;
			if ($a->[0] eq '/Artifact' && !grep { defined $_->[2] } @stack) {
				$art = @artseq;
				push @artseq, [$n, undef, ''];
			}
			push @stack, [$a->[0], $mcid, $art];
			if (defined $mcid && !$mcr{"$pr $mcid"}) {
				push @orphan, "page $n MCID $mcid";
			}
		} elsif ($k eq 'EMC') {
			pop @stack;
		} elsif ($paint{$k}) {
			next if grep { $_->[0] eq '/Artifact' || defined $_->[1] } @stack;
			push @untagged, "page $n: $k" unless $where && $where eq "$n";
			$where = "$n";
		}
	}
	my @an = map { [$_, obj($_)] } @{ obj($p->{'/Annots'}) || [] };
	push @tabs, "page $n" if @an && ($p->{'/Tabs'} // '') ne '/S';
	for my $x (@an) {
		my ($ar, $a) = @$x;
		next if ($a->{'/Subtype'} // '') =~ m{^/(Popup)$};
		push @annot, "page $n $ar" unless $objr{$ar};
		next unless ($a->{'/Subtype'} // '') eq '/Link';
		push @linkel, "page $n $ar in $objr{$ar}{s}" if $objr{$ar} && $objr{$ar}{s} ne 'Link';
		push @alt, "page $n $ar" if str($a->{'/Contents'}) !~ /\S/;
	}
	my $res = obj($p->{'/Resources'}) || {};
	my $fonts = obj($res->{'/Font'}) || {};
	for my $fr (values %$fonts) {
		next if $fontseen{$fr}++;
		my $f = obj($fr) || {};
		my $name = $f->{'/BaseFont'} // $fr;
		my $fd = $f->{'/FontDescriptor'};
		if (($f->{'/Subtype'} // '') eq '/Type0') {
			my ($d) = @{ obj($f->{'/DescendantFonts'}) || [] };
			$fd = (obj($d) || {})->{'/FontDescriptor'};
		}
		$fd = obj($fd) || {};
		push @fonts, "$name not embedded" unless ($f->{'/Subtype'} // '') eq '/Type3' ||
		    $fd->{'/FontFile'} || $fd->{'/FontFile2'} || $fd->{'/FontFile3'};
		push @fonts, "$name without /ToUnicode" unless $f->{'/ToUnicode'};
		next unless ($f->{'/Subtype'} // '') eq '/TrueType';
		my $symbolic = ($fd->{'/Flags'} // 0) & 4;
		my $enc = $f->{'/Encoding'} // '';
		my %cmap = map { $_ => 1 } ttf_cmaps(data($fd->{'/FontFile2'}) // '');
		if ($symbolic) {
			push @truetype, "$name: symbolic with an /Encoding" if $enc ne '';
			push @truetype, "$name: symbolic without a (3,0) cmap" unless $cmap{'3,0'} || keys %cmap == 1;
		} else {
			push @truetype, "$name: /Encoding $enc" unless $enc =~ m{^/(WinAnsi|MacRoman)Encoding$};
			push @truetype, "$name: no (3,1) or (1,0) cmap" unless $cmap{'3,1'} || $cmap{'1,0'};
		}
	}
}
rule('7.1-3', 'every content item tagged or an artifact', @untagged);
rule('7.1-1', 'no artifact inside tagged content', @intag);
rule('7.1-2', 'no tagged content inside an artifact', @inart);
rule('7.1', 'every marked-content ID belongs to a structure element', @orphan);
# what a screen reader skips: text in an artifact is only the running
# header and footer (page number and CONCEPT mark with them), or a table's
# header row repeated on a new page (an artifact that shows in the body
# just what a row of TH cells shows)
my %headrow = map { $_ => 1 } values %rowtext;
rule('7.1-3-text', 'no body text in an artifact', map {
	my $s = $_->[2];
	$s =~ s/[^\x20-\x7e]/?/g;
	sprintf('page %d at %.0f pt: "%s"', $_->[0], $_->[1], length $s > 40 ? substr($s, 0, 40) . '...' : $s);
} grep { $_->[2] ne '' && !$headrow{ $_->[2] } } @artseq);
rule('7.18.3-1', 'pages with annotations have /Tabs /S', @tabs);
rule('7.18.1-2', 'every annotation in the structure tree', @annot);
rule('7.18.5-1', 'every link annotation in a Link element', @linkel);
rule('7.18.5-2', 'every link annotation has /Contents', @alt);
rule('7.21.4.1-1', 'fonts embedded, each with /ToUnicode', @fonts);
rule('7.21.6', 'TrueType encodings and cmaps agree with the symbolic flag', @truetype);

# --- the text -----------------------------------------------------------
open(my $t, '-|', 'pdftotext', '-enc', 'UTF-8', $file, '-') or die "pdftotext: $!\n";
my $text = do { local $/; <$t> };
close $t;
my $fffd = () = $text =~ /\xef\xbf\xbd/g;
rule('7.21.7-1', 'no U+FFFD in the extracted text', $fffd ? ("$fffd") : ());

exit($failed ? 1 : 0);
