#!/usr/bin/perl
# Synthetic boards for `make bench` and the incremental-build test: a
# project of N schools derived from the seed schools, with varied names,
# places, channels, lesson programmes, approvals and clause selections
# (add/remove, variants).  Deterministic for a given N and --seed.
#
#   tools/synth.pl [--root DIR] [--seed S] [--protocolgen BIN] N OUTDIR
#
# OUTDIR gets clauses/ (a copy of the root's) and schools/ (defaults.lua,
# then one folder per board).  Each school file is a seed school file whose
# table is bound to a local, changed by a few appended statements and
# passed to school(): the seed keeps its params and its own selection.
# With --protocolgen, every candidate clause change is first tried alone on
# its seed (`protocolgen check`), and after writing, any school that does
# not pass the checks is written again with fewer changes, so the result
# builds without errors.  Nothing is downloaded.
use strict;
use warnings;
use File::Basename qw(basename);
use File::Path qw(make_path remove_tree);
use File::Copy qw(copy);
use Getopt::Long;

my ($root, $seed, $pg) = ('.', 1, undef);
GetOptions('root=s' => \$root, 'seed=i' => \$seed,
    'protocolgen=s' => \$pg) or usage();
my ($N, $dir) = @ARGV;
usage() unless defined $dir && defined $N && $N =~ /^\d+$/ && $N > 0;
sub usage { die "usage: synth.pl [--root DIR] [--seed S] [--protocolgen BIN] N OUTDIR\n" }

# A small deterministic generator (xorshift32): the same boards on every
# machine and Perl version.
my $rs = ($seed * 2654435761 + 12345) % 4294967296 || 1;
sub rnd {			# integer in [0, n)
	my ($n) = @_;
	$rs ^= ($rs << 13) & 0xffffffff;
	$rs ^= $rs >> 17;
	$rs ^= ($rs << 5) & 0xffffffff;
	return $rs % $n;
}
sub pick { return $_[rnd(scalar @_)] }
sub chance { return rnd(1000) < $_[0] * 1000 }

sub slurp {
	my ($p) = @_;
	open my $f, '<:raw', $p or die "synth.pl: $p: $!\n";
	local $/;
	return scalar <$f>;
}
sub spew {
	my ($p, $t) = @_;
	open my $f, '>:raw', $p or die "synth.pl: $p: $!\n";
	print $f $t;
	close $f or die "synth.pl: $p: $!\n";
}

# ---------------------------------------------------------------- library
my (%clause, %outline);
sub scan_clauses {
	my ($d) = @_;
	opendir my $h, $d or die "synth.pl: $d: $!\n";
	for my $e (sort readdir $h) {
		next if $e =~ /^\./;
		my $p = "$d/$e";
		if (-d $p) { scan_clauses($p) unless $e eq 'outlines'; next }
		next unless $e =~ /\.md$/;
		my ($fm) = slurp($p) =~ /\A(?:\xEF\xBB\xBF)?---\r?\n(.*?)\r?\n---/s or next;
		my %c;
		for (split /\r?\n/, $fm) {
			s/\s+#.*//;
			$c{$1} = $2 if /^([a-z-]+):\s*(.*?)\s*$/;
		}
		next unless $c{id};
		$c{kind} //= 'article';
		$c{folder} = basename($d);
		$c{dated} = slurp($p) =~ /\{\{revision\.(?:consent|adoption)/;
		$clause{$c{id}} = \%c;
	}
}
scan_clauses("$root/clauses");
for my $p (glob "$root/clauses/outlines/*.outline") {
	my $t = slurp($p);
	my ($lv) = $t =~ /^level:\s*(\S+)/m;
	my @ids = $t =~ /^\s+([a-z0-9.-]+)\s*(?:#.*)?$/mg;
	$outline{basename($p, '.outline')} = { level => $lv // '', ids => \@ids };
}

# ------------------------------------------------------------------ seeds
my (@boards, @templates);
for my $bd (sort glob "$root/schools/*/board.lua") {
	my $bdir = $bd =~ s{/board\.lua$}{}r;
	my $bt = slurp($bd);
	my ($type) = $bt =~ /\btype\s*=\s*"(po|vo)"/;
	my ($bout) = $bt =~ /\boutline\s*=\s*"([^"]+)"/;
	my $b = { id => basename($bdir), text => $bt, type => $type // 'po',
	    templates => [] };
	for my $sf (sort glob "$bdir/*.lua") {
		next if $sf =~ m{/board\.lua$};
		my $st = slurp($sf);
		my ($out) = $st =~ /\boutline\s*=\s*"([^"]+)"/;
		my ($lv) = $st =~ /\blevel\s*=\s*"(po|vo)"/;
		$out //= $bout;
		next unless defined $out && $outline{$out};
		my @add = ($st =~ /\badd\s*=\s*\{(.*?)\}\s*,?\s*\n/s)[0] // '';
		my @rem = ($st =~ /\bremove\s*=\s*\{(.*?)\}/s)[0] // '';
		my $dated = grep { $clause{$_} && $clause{$_}{dated} }
		    @{ $outline{$out}{ids} };
		my $t = { id => basename($sf, '.lua'), board => $b, text => $st,
		    dated => $dated,
		    outline => $out, level => $lv // $b->{type},
		    scope => ($st =~ /\bscope\s*=\s*"board"/ ? 'board' : 'school'),
		    used => { map { $_ => 1 } @{ $outline{$out}{ids} },
		        ("@add @rem" =~ /"([a-z0-9.-]+)"/g) } };
		push @{ $b->{templates} }, $t;
		push @templates, $t;
	}
	push @boards, $b if @{ $b->{templates} };
}
die "synth.pl: no seed schools under $root/schools\n" unless @templates;

# Clause changes a school of this template could make: remove an outline
# clause, add a clause of its level that the outline lacks (a variant
# replaces its sibling in place).
sub candidates {
	my ($t) = @_;
	my $o = $outline{ $t->{outline} };
	my %in = map { $_ => 1 } @{ $o->{ids} };
	my %group;
	for my $id (keys %{ $t->{used} }) {
		my $c = $clause{$id} or next;
		$group{ $c->{'variant-of'} } = 1 if $c->{'variant-of'};
	}
	# an added clause goes after the last one of its library section: that
	# section must be in the outline (or the clause is a variant of one)
	my %sec = map { ($clause{$_} ? $clause{$_}{folder} : '') => 1 }
	    @{ $o->{ids} };
	my @c;
	for my $id (@{ $o->{ids} }) {
		push @c, "-$id" unless $t->{text} =~ /"\Q$id\E"/;
	}
	for my $id (sort keys %clause) {
		my $c = $clause{$id};
		next if $t->{used}{$id} || $c->{kind} eq 'footnote';
		next if $c->{level} && $c->{level} !~ /\b$t->{level}\b/;
		next unless $sec{ $c->{folder} } || ($c->{'variant-of'} &&
		    $group{ $c->{'variant-of'} });
		push @c, "+$id";
	}
	return @c;
}

# ------------------------------------------------------------ vocabulary
my @po_kind = ('basisschool', 'obs', 'cbs', 'rkbs', 'pcbs', 'kindcentrum',
    'IKC', 'Montessorischool', 'Daltonschool', 'Jenaplanschool', 'sbo');
my @vo_kind = ('College', 'Lyceum', 'Scholengemeenschap', 'Gymnasium',
    'Mavo', 'Vakcollege', 'Technasium', 'Praktijkschool');
my @po_name = ('De Regenboog', 'Het Kompas', 'De Wilgen', 'De Fontein',
    'Het Palet', 'De Vlinder', 'De Zonnewijzer', 'De Springplank',
    'De Klimboom', 'De Boomgaard', 'Het Anker', 'De Wingerd', 'De Horizon',
    'De Ark', 'Het Mozaïek', 'De Triangel', 'De Bolster', 'De Meander',
    'De Akker', 'Sint Jozef', 'Prinses Amalia', 'Juliana', 'Oranje Nassau',
    'De Esch', 'De Linde', 'De Kastanjeboom', 'Het Baken', 'De Piramide',
    'De Tweemaster', 'Het Startpunt', 'De Vuurvogel', 'De Toermalijn',
    'Het Klavertje', 'De Eendracht', 'De Parel', 'De Wereldwijzer',
    'Op de Berg', "'t Schrijverke", 'De Schatkist', 'Het Drieluik');
my @vo_name = ('Sint-Willibrord', 'Stedelijk', 'Erasmus', 'Christelijk',
    'Koning Willem', 'Het Noordik', 'Rijnland', 'Maerlant', 'Penta',
    'Bonhoeffer', 'Comenius', 'Spinoza', 'Da Vinci', 'Huygens', 'Thorbecke',
    'Vechtdal', 'Het Lichtenvoorde', 'Dockinga', 'Ubbo Emmius', 'Montaigne');
my @places = ('Arnhem', 'Zwolle', 'Assen', 'Leeuwarden', 'Groningen',
    'Emmen', 'Deventer', 'Apeldoorn', 'Nijmegen', 'Ede', 'Utrecht', 'Amersfoort',
    'Haarlem', 'Alkmaar', 'Hoorn', 'Leiden', 'Delft', 'Gouda', 'Dordrecht',
    'Breda', 'Tilburg', 'Eindhoven', 'Helmond', 'Venlo', 'Roermond',
    'Maastricht', 'Heerlen', 'Middelburg', 'Goes', 'Vlissingen', 'Almere',
    'Lelystad', 'Enschede', 'Hengelo', 'Almelo', 'Doetinchem', 'Zutphen',
    'Harderwijk', 'Heerenveen', 'Sneek', 'Drachten', 'Hoogeveen', 'Meppel',
    'Kampen', 'Veendam', 'Winschoten', 'Den Helder', 'Zaandam', 'Purmerend',
    'Hilversum', 'Oss', 'Uden', 'Veghel', 'Weert', 'Sittard', 'Terneuzen',
    'Tiel', 'Culemborg', 'Wageningen', 'Zeist', 'Woerden', 'Vlaardingen',
    'Schiedam', 'Zoetermeer', 'Rijswijk', 'Katwijk', 'Noordwijk', 'Bergen',
    'Steenwijk', 'Dokkum');
my @syl = qw(ka ri no ve la mo tu se di pa ro mi ne lu vo ta ze bi an el
    or is um en ar);
my @products = qw(facebook instagram x youtube linkedin klasbord
    social-schools parro isy schoolapp magister);
my %prog = (po => [qw(diploma-veilig-internet mediamasters
    halt-online-veiligheid sociale-media-training)],
    vo => [qw(halt-online-veiligheid)]);
my @own_lessons = ('Mediawijsheid in de mentorles', 'Digitale geletterdheid',
    'Veilig online', 'Nepnieuws herkennen', 'Privacy en jij');

sub slug {
	my ($s) = @_;
	$s = lc $s;
	$s =~ s/\xc3\xaf/i/g;
	$s =~ s/[^a-z0-9]+/-/g;
	$s =~ s/^-|-$//g;
	return $s;
}
sub lua_str {
	my ($s) = @_;
	$s =~ s/(["\\])/\\$1/g;
	return "\"$s\"";
}
sub date_add {			# ISO date plus days
	my ($y, $m, $d, $n) = @_;
	my @ml = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31);
	$d += $n;
	while (1) {
		my $len = $ml[$m - 1] + ($m == 2 && $y % 4 == 0 ? 1 : 0);
		last if $d <= $len;
		$d -= $len;
		($m, $y) = $m == 12 ? (1, $y + 1) : ($m + 1, $y);
	}
	return ($y, $m, $d);
}
sub iso { return sprintf '%04d-%02d-%02d', @_ }

# The Lua statements that turn a seed school into one synthetic school.
sub school_lua {
	my ($s, $mods) = @_;
	my $t = $s->{tpl};
	my $src = $t->{text};
	$src =~ s/\bschool\s*\{/local s = {/;
	my $l = "\n-- synthetic: tools/synth.pl\n";
	# the last resort keeps words few: the schoolgids section has a cap
	$l .= "s.name = " . lua_str($s->{level} ? $s->{name} : $s->{short}) .
	    "\n";
	$l .= "s.short = " . lua_str($s->{short}) . "\n";
	$l .= "s.place = " . lua_str($s->{place}) . "\n";
	# the last resort: the school's website and one lesson only
	my @ch = $s->{level} ? @{ $s->{channels} } : ();
	my @les = $s->{level} ? @{ $s->{lessons} } : @{ $s->{lessons} }[0 .. 0];
	my $web = "https://www.$s->{id}.example/";
	$l .= "s.website = \"$web\"\n";
	$l .= "s.protocol_url = \"${web}protocol-sociale-media\"\n"
	    if $s->{level} >= 2;
	$l .= "s.channels = { { kind = \"website\", url = \"$web\" }";
	$l .= ", { kind = \"$_\" }" for @ch;
	$l .= " }\n";
	if (@les) {
		$l .= "s.lessons = {\n";
		$l .= "  $_,\n" for @les;
		$l .= "}\n";
	}
	$l .= $s->{revision};
	if ($s->{level} >= 2) {
		for my $m (@$mods) {
			my ($op, $id) = $m =~ /^([+-])(.*)$/;
			my $k = $op eq '+' ? 'add' : 'remove';
			$l .= "s.$k = s.$k or {}\ns.$k\[#s.$k + 1\] = \"$id\"\n";
		}
	}
	return "$src$l" . "school(s)\n";
}

sub board_lua {
	my ($b, $name) = @_;
	my $src = $b->{seed}{text};
	$src =~ s/\bboard\s*\{/local b = {/;
	return $src . "\n-- synthetic: tools/synth.pl\nb.name = " . lua_str($name) .
	    "\nb.short = nil\nb.aliases = nil\nboard(b)\n";
}

# A school's own facts: name, place, channels, lessons, revision.
sub new_school {
	my ($b, $used) = @_;
	my $t = pick(@{ $b->{seed}{templates} });
	my $lv = $t->{level};
	my ($name, $short, $place, $id);
	for (my $try = 0; ; $try++) {
		$place = $try < 20 ? $b->{place} : pick(@places);
		$short = $lv eq 'po' ? pick(@po_name) : pick(@vo_name);
		$name = $lv eq 'po' ? pick(@po_kind) . " $short" :
		    "$short " . pick(@vo_kind);
		$id = slug("$short $place");
		$id .= '-' . (rnd(900) + 100) if $try >= 20 || $used->{$id};
		last unless $used->{$id};
	}
	$used->{$id} = 1;
	my %seen;
	my @ch = grep { !$seen{$_}++ } map { pick(@products) } 1 .. rnd(3);
	my @les;
	for (1 .. 1 + rnd(2)) {
		if (chance(0.7)) {
			my $g = $lv eq 'po' ? pick('5', '6', '7', '8', '7-8', '5-6') :
			    pick('1', '2', '1-2', '3');
			push @les, sprintf '{ programme = "%s", groups = "%s"%s }',
			    pick(@{ $prog{$lv} }), $g,
			    chance(0.5) ? ', when = "ieder jaar"' : '';
		} else {
			push @les, sprintf '{ name = %s, groups = "%s" }',
			    lua_str(pick(@own_lessons)),
			    $lv eq 'po' ? pick('6', '7-8') : pick('1', '1-2');
		}
	}
	my ($y, $m, $d) = (2022 + rnd(3), 1 + rnd(12), 1 + rnd(28));	# all before the bench's today (2025-11-21)
	my $council = $t->{scope} eq 'board' ? 'GMR' : 'MR';
	my $adopter = $t->{scope} eq 'board' ? 'CvB' : 'directie';
	my $rev;
	# a draft has no consent date: only for seeds whose text needs none
	if ($t->{dated} || chance(0.8)) {
		my @a = date_add($y, $m, $d, 7 + rnd(21));
		my @e = date_add(@a, 20 + rnd(40));
		$rev = sprintf "s.revision = { version = \"%d.%d\", status = " .
		    "\"vastgesteld\",%s\n  approvals = {\n" .
		    "    { body = \"%s\", act = \"instemming\", date = \"%s\" },\n" .
		    "    { body = \"%s\", act = \"vaststelling\", date = \"%s\" },\n" .
		    "  },\n  effective = \"%s\", review = \"%04d-%02d\" }\n",
		    1 + rnd(2), rnd(3), $t->{scope} eq 'board' ?
		    ' scope = "board",' : '', $council, iso($y, $m, $d), $adopter,
		    iso(@a), iso(@e), $e[0] + 2, $e[1];
	} else {
		$rev = sprintf "s.revision = { version = \"%d.%d\", " .
		    "status = \"concept\" }\n", 1 + rnd(2), rnd(3);
	}
	return { id => $id, tpl => $t, name => $name, short => $short,
	    place => $place, channels => \@ch, lessons => \@les,
	    revision => $rev, level => 2 };
}

# Schools whose `protocolgen check` reports an error (by id).
sub failing {
	my ($proj) = @_;
	my $err = `'$pg' check -q --root '$proj' 2>&1 >/dev/null`;
	print STDERR $err if $ENV{SYNTH_DEBUG};
	my %bad;
	for (split /\n/, $err) {
		next unless /: error: /;
		# a vastgesteld school is adopted once its text passes (below)
		next if /was never adopted/;
		$bad{$1} = 1 while /school '([a-z0-9-]+)'/g;
		$bad{ basename($1, '.lua') } = 1 if m{/schools/[^/]+/([^/:]+\.lua)};
	}
	return \%bad;
}

sub write_project_base {
	my ($d) = @_;
	remove_tree($d);
	make_path("$d/schools");
	system('cp', '-R', "$root/clauses", "$d/clauses") == 0
	    or die "synth.pl: cannot copy $root/clauses\n";
	copy("$root/schools/defaults.lua", "$d/schools/defaults.lua")
	    or die "synth.pl: defaults.lua: $!\n";
}

# 1. Which single clause changes pass the checks on each seed school?
my %ok;				# template id → [ candidates ]
if (defined $pg) {
	my $v = "$dir.validate";
	write_project_base($v);
	my %c;
	for my $b (@boards) {
		make_path("$v/schools/$b->{id}");
		spew("$v/schools/$b->{id}/board.lua", $b->{text});
		for my $t (@{ $b->{templates} }) {
			my @c = candidates($t);
			my $i = 0;
			for my $m (@c) {
				my $id = "$t->{id}-c" . $i++;
				$c{$id} = [ $t->{id}, $m ];
				spew("$v/schools/$b->{id}/$id.lua", school_lua({
				    tpl => $t, id => $id, name => "Toets $id",
				    short => "Toets $id", place => 'Arnhem',
				    level => 2, channels => [ 'instagram' ],
				    lessons => [ $t->{level} eq 'po' ?
				    '{ programme = "mediamasters", groups = "7-8" }' :
				    '{ programme = "halt-online-veiligheid", groups = "1" }',
				    '{ name = "Veilig online", groups = "6" }' ],
				    revision => '' }, [$m]));
			}
		}
	}
	my $bad = failing($v);
	for my $id (sort keys %c) {
		push @{ $ok{ $c{$id}[0] } }, $c{$id}[1] unless $bad->{$id};
	}
	remove_tree($v);
} else {
	$ok{ $_->{id} } = [ candidates($_) ] for @templates;
}

# 2. Boards and schools.
write_project_base($dir);
my (%used, %bused, @schools);
my $left = $N;
my $bn = 0;
while ($left > 0) {
	my $r = rnd(100);
	my $size = $r < 40 ? 1 + rnd(3) : $r < 80 ? 4 + rnd(17) : 20 + rnd(66);
	$size = $left if $size > $left;
	my $seedb = $boards[$bn % @boards];
	my $bname;
	do {
		$bname = 'Stichting ' . ucfirst(join '', map { pick(@syl) }
		    1 .. 3 + rnd(2));
	} while ($bused{$bname}++);
	my $b = { id => sprintf('%s-%04d', slug($bname), $bn++), seed => $seedb,
	    place => pick(@places), name => $bname };
	make_path("$dir/schools/$b->{id}");
	spew("$dir/schools/$b->{id}/board.lua", board_lua($b, $bname));
	for (1 .. $size) {
		my $s = new_school($b, \%used);
		$s->{board} = $b;
		my @pool = @{ $ok{ $s->{tpl}{id} } // [] };
		my (%cid, @mods);
		for (1 .. rnd(4)) {
			last unless @pool;
			my $m = $pool[rnd(scalar @pool)];
			my $cid = substr($m, 1);
			my $c = $clause{$cid};
			my $g = $c && $c->{'variant-of'} ? "g:$c->{'variant-of'}" : '';
			next if $cid{$cid} || ($g && $cid{$g});
			$cid{$cid} = $cid{$g} = 1;
			push @mods, $m;
		}
		$s->{mods} = \@mods;
		push @schools, $s;
	}
	$left -= $size;
}

sub write_school {
	my ($s) = @_;
	spew("$dir/schools/$s->{board}{id}/$s->{id}.lua",
	    school_lua($s, $s->{mods}));
}
write_school($_) for @schools;

# 3. Any school that fails its checks gets fewer changes: first none of
# the clause changes, then the seed school with only a new name.
if (defined $pg) {
	my %by_id = map { $_->{id} => $_ } @schools;
	for my $round (1 .. 2) {
		my $bad = failing($dir);
		my @b = grep { $by_id{$_} } sort keys %$bad;
		last unless @b;
		for (@b) {
			$by_id{$_}{level} = $round == 1 ? 1 : 0;
			write_school($by_id{$_});
		}
		printf STDERR "synth.pl: %d school(s) written again with fewer " .
		    "changes\n", scalar @b;
	}
	my $bad = failing($dir);
	if (%$bad) {
		die "synth.pl: still failing the checks: " .
		    join(' ', sort keys %$bad) . "\n";
	}
	# vastgesteld means frozen: adopt those, a few hundred per run
	my @v = map { $_->{id} } grep { $_->{revision} =~ /"vastgesteld"/ }
	    @schools;
	while (my @chunk = splice(@v, 0, 500)) {
		system($pg, 'adopt', '-q', '--root', $dir, @chunk) == 0
		    or die "synth.pl: protocolgen adopt failed\n";
	}
}
my $nb = $bn;
print "synth.pl: $N schools in $nb boards under $dir\n";
