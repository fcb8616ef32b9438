CREATE TABLE "rollup_cell_ranges" (
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	CONSTRAINT "rollup_cell_ranges_start_date_end_date_pk" PRIMARY KEY("start_date","end_date")
);
--> statement-breakpoint
CREATE TABLE "rollup_cells" (
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"office_code" varchar(3) NOT NULL,
	"dim" varchar(16) NOT NULL,
	"subject" varchar(40) NOT NULL,
	"key" varchar(40) NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "rollup_cells_start_date_end_date_office_code_dim_subject_key_pk" PRIMARY KEY("start_date","end_date","office_code","dim","subject","key")
);
